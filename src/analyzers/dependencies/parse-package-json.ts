import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";
import { escapeRegExp, findLine } from "./find-line.ts";

export const NPM_DEPENDENCY_SECTIONS = [
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
] as const;

/**
 * The dependencies and scripts of a `package.json`, or `null` when it is not a JSON object (a
 * half-written file is the diff fallback's job, not a reason to invent dependencies).
 */
export function parsePackageJson(text: string): ParsedManifest | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  const lines = text.split(/\r?\n/);
  const dependencies: DeclaredDependency[] = [];
  for (const section of NPM_DEPENDENCY_SECTIONS) {
    const entries = json[section];
    if (!isRecord(entries)) continue;
    const sectionLine = findLine(lines, new RegExp(`^\\s*"${section}"\\s*:`)) ?? 1;
    for (const [name, spec] of Object.entries(entries)) {
      dependencies.push({
        name,
        spec: typeof spec === "string" ? spec : JSON.stringify(spec),
        section,
        line: findLine(lines, new RegExp(`^\\s*"${escapeRegExp(name)}"\\s*:`), sectionLine),
      });
    }
  }
  const scripts = new Map<string, { command: string; line: number | null }>();
  if (isRecord(json.scripts)) {
    const scriptsLine = findLine(lines, /^\s*"scripts"\s*:/) ?? 1;
    for (const [name, command] of Object.entries(json.scripts)) {
      if (typeof command !== "string") continue;
      const line = findLine(lines, new RegExp(`^\\s*"${escapeRegExp(name)}"\\s*:`), scriptsLine);
      scripts.set(name, { command, line });
    }
  }
  return { registry: "npm", dependencies, scripts };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
