import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";

/**
 * The `require` and `replace` directives of a `go.mod`, in both the one-line and the block form.
 * Indirect requirements get their own section, so a reviewer can tell them from direct ones.
 */
export function parseGoMod(text: string): ParsedManifest {
  const dependencies: DeclaredDependency[] = [];
  let block: "require" | "replace" | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const content = raw.replace(/\/\/.*$/, "").trim();
    const line = index + 1;
    if (block !== null && content === ")") {
      block = null;
      return;
    }
    const opened = /^(require|replace)\s*\($/.exec(content);
    if (opened) {
      block = opened[1] === "require" ? "require" : "replace";
      return;
    }
    const directive = /^(require|replace)\s+(.+)$/.exec(content);
    const kind = directive ? directive[1] : block;
    const body = directive ? (directive[2] ?? "") : content;
    if (kind === "require") {
      const [name, version] = body.split(/\s+/);
      if (name && version) {
        dependencies.push({
          name,
          spec: version,
          section: indirect ? "require (indirect)" : "require",
          line,
        });
      }
    } else if (kind === "replace") {
      const [from = "", to = ""] = body.split("=>").map((side) => side.trim());
      const name = from.split(/\s+/)[0];
      if (name && to) dependencies.push({ name, spec: to, section: "replace", line });
    }
  });
  return { registry: null, dependencies, scripts: new Map() };
}
