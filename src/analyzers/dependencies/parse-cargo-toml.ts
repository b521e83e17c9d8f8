import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";
import { escapeRegExp, findLine } from "./find-line.ts";
import { parseTomlTable, type TomlTable } from "./parse-toml-table.ts";

type Table = TomlTable;
const SECTIONS = ["dependencies", "dev-dependencies", "build-dependencies"] as const;

/**
 * The dependencies of a `Cargo.toml`, platform-specific ones (`[target.'cfg(…)'.dependencies]`)
 * included; `null` when the file is not valid TOML.
 */
export function parseCargoToml(text: string): ParsedManifest | null {
  const toml = parseTomlTable(text);
  if (toml === null) return null;
  const lines = text.split(/\r?\n/);
  const dependencies: DeclaredDependency[] = [];
  const add = (entries: unknown, section: string) => {
    for (const [name, value] of Object.entries(table(entries))) {
      const line =
        findLine(lines, new RegExp(`^\\s*["']?${escapeRegExp(name)}["']?\\s*=`)) ??
        findLine(lines, new RegExp(`^\\s*\\[[^\\]]*\\.${escapeRegExp(name)}\\]`));
      dependencies.push({ name, spec: cargoSpec(value), section, line });
    }
  };
  for (const section of SECTIONS) add(toml[section], section);
  for (const [target, body] of Object.entries(table(toml.target))) {
    for (const section of SECTIONS) add(table(body)[section], `target.${target}.${section}`);
  }
  return { registry: null, dependencies, scripts: new Map() };
}

/** A dependency's table form as one string: its source when it has one, else the version. */
function cargoSpec(value: unknown): string {
  if (typeof value === "string") return value;
  const spec = table(value);
  if (typeof spec.git === "string") {
    const ref = [spec.rev, spec.tag, spec.branch].find((part) => typeof part === "string");
    return `git+${spec.git}${typeof ref === "string" ? `#${ref}` : ""}`;
  }
  if (typeof spec.path === "string") return `path:${spec.path}`;
  if (spec.workspace === true) return "workspace";
  return typeof spec.version === "string" ? spec.version : "*";
}

function table(value: unknown): Table {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Table) : {};
}
