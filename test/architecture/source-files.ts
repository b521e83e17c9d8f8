import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const SRC = resolve(import.meta.dirname, "../../src");

export interface SourceFile {
  /** Path below `src/`, with forward slashes: `triage/run-triage-job.ts`. */
  path: string;
  text: string;
  /** Relative imports (static, dynamic and type-only), resolved to paths below `src/`. */
  imports: string[];
}

/** Every `.ts` file under `src/` (declaration files excluded), read once. */
export function readSourceFiles(): SourceFile[] {
  const paths = readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts"))
    .sort();
  return paths.map((path) => {
    const text = readFileSync(join(SRC, path), "utf8");
    // The compiler's own scanner: import/export-from/import()/import type, never a regex's guess.
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const imports = importedFiles
      .map((file) => file.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => relative(SRC, resolve(SRC, dirname(path), name)));
    return { path, text, imports };
  });
}

/** The folder right under `src/` a path belongs to; files directly in `src/` are the entry layer. */
export function topFolder(path: string): string {
  const slash = path.indexOf("/");
  return slash === -1 ? "(entry)" : path.slice(0, slash);
}

/** The exported names a file declares (functions, classes, consts, types, interfaces, enums). */
export function exportedNames(file: SourceFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        names.push(declaration.name.getText(source));
    } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.push((statement.name as ts.Identifier).text);
    }
  }
  return names;
}
