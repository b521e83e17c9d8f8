import { parse } from "@babel/parser";
import type { LineRange } from "./line-range.ts";

/** The syntax a JS/TS file's context is cut at: its functions and classes, and what it exports. */
export interface JsOutline {
  /** Functions, methods, classes, interfaces, enums, namespaces and type aliases, in any order. */
  blocks: LineRange[];
  /** Top-level exported declarations by name (`default` for an anonymous default export). */
  exports: { name: string; range: LineRange }[];
}

const JS_LIKE = /\.(m|c)?(j|t)sx?$/i;
const BLOCK_TYPES = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ObjectMethod",
  "ClassMethod",
  "ClassPrivateMethod",
  "ClassDeclaration",
  "ClassExpression",
  "TSInterfaceDeclaration",
  "TSEnumDeclaration",
  "TSModuleDeclaration",
  "TSTypeAliasDeclaration",
]);

interface Node {
  type: string;
  loc?: { start: { line: number }; end: { line: number } } | null;
  [key: string]: unknown;
}

export function isJsLike(path: string): boolean {
  return JS_LIKE.test(path) && !path.endsWith(".d.ts");
}

/**
 * Parses a JS/TS/JSX file with Babel (error recovery on: a PR's half-written code still has an
 * outline). `null` when it cannot be parsed at all; the caller then falls back to indentation.
 * Parsing never runs the code.
 */
export function jsOutline(path: string, text: string): JsOutline | null {
  const typescript = /\.(m|c)?tsx?$/i.test(path);
  const jsx = /x$/i.test(path) || !typescript;
  let program: Node;
  try {
    program = parse(text, {
      sourceType: "unambiguous",
      errorRecovery: true,
      plugins: [...(typescript ? (["typescript"] as const) : []), ...(jsx ? (["jsx"] as const) : [])],
    }).program as unknown as Node;
  } catch {
    return null;
  }
  const blocks: LineRange[] = [];
  walk(program, (node) => {
    if (BLOCK_TYPES.has(node.type) && node.loc) blocks.push(rangeOf(node));
  });
  return { blocks, exports: exportsOf(program) };
}

function exportsOf(program: Node): JsOutline["exports"] {
  const found: JsOutline["exports"] = [];
  for (const statement of (program.body ?? []) as Node[]) {
    if (statement.type !== "ExportNamedDeclaration" && statement.type !== "ExportDefaultDeclaration")
      continue;
    const declaration = statement.declaration as Node | null | undefined;
    if (!declaration || !statement.loc) continue;
    const range = rangeOf(statement);
    const names =
      declaration.type === "VariableDeclaration"
        ? ((declaration.declarations ?? []) as Node[]).map((d) => identifierName(d.id))
        : [
            identifierName(declaration.id) ??
              (statement.type === "ExportDefaultDeclaration" ? "default" : null),
          ];
    for (const name of names) if (name) found.push({ name, range });
  }
  return found;
}

function identifierName(node: unknown): string | null {
  const candidate = node as Node | null | undefined;
  return candidate?.type === "Identifier" && typeof candidate.name === "string" ? candidate.name : null;
}

function rangeOf(node: Node): LineRange {
  return { start: node.loc?.start.line ?? 1, end: node.loc?.end.line ?? 1 };
}

/** Babel's AST is plain data: visiting every child object that has a `type` reaches every node. */
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key.endsWith("Comments")) continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === "object" && typeof (child as Node).type === "string")
        walk(child as Node, visit);
    }
  }
}
