import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";

/** The submodules of a `.gitmodules` file, each named by its path, with its URL as the spec. */
export function parseGitmodules(text: string): ParsedManifest {
  const dependencies: DeclaredDependency[] = [];
  let current: DeclaredDependency | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.trim();
    const header = /^\[submodule\s+"([^"]+)"\]$/.exec(content);
    if (header?.[1]) {
      current = { name: header[1], spec: "", section: "submodule", line: index + 1 };
      dependencies.push(current);
      return;
    }
    const setting = /^(path|url)\s*=\s*(.+)$/.exec(content);
    if (!current || !setting) return;
    if (setting[1] === "path") current.name = setting[2] ?? current.name;
    else current.spec = setting[2] ?? "";
  });
  return { registry: null, dependencies, scripts: new Map() };
}
