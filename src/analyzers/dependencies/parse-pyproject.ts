import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";
import { escapeRegExp, findLine } from "./find-line.ts";
import { normalizePythonName, parsePep508 } from "./parse-pep508.ts";
import { parseTomlTable, type TomlTable } from "./parse-toml-table.ts";

type Table = TomlTable;

/**
 * The dependencies of a `pyproject.toml`: PEP 621 (`project.dependencies`,
 * `project.optional-dependencies`), PEP 735 `dependency-groups`, and Poetry
 * (`tool.poetry.dependencies`, `dev-dependencies`, `group.<name>.dependencies`). `null` when the
 * file is not valid TOML.
 */
export function parsePyproject(text: string): ParsedManifest | null {
  const toml = parseTomlTable(text);
  if (toml === null) return null;
  const lines = text.split(/\r?\n/);
  const dependencies: DeclaredDependency[] = [];
  const addPep508 = (requirements: unknown, section: string) => {
    if (!Array.isArray(requirements)) return;
    for (const requirement of requirements) {
      if (typeof requirement !== "string") continue;
      const parsed = parsePep508(requirement);
      if (parsed) dependencies.push({ ...parsed, section, line: lineOfString(lines, requirement) });
    }
  };
  const addPoetry = (entries: unknown, section: string) => {
    if (!isTable(entries)) return;
    for (const [name, value] of Object.entries(entries)) {
      if (name.toLowerCase() === "python") continue;
      const line = findLine(lines, new RegExp(`^\\s*["']?${escapeRegExp(name)}["']?\\s*=`));
      dependencies.push({ name: normalizePythonName(name), spec: poetrySpec(value), section, line });
    }
  };
  const project = table(toml.project);
  addPep508(project.dependencies, "project.dependencies");
  for (const [group, requirements] of Object.entries(table(project["optional-dependencies"]))) {
    addPep508(requirements, `project.optional-dependencies.${group}`);
  }
  for (const [group, requirements] of Object.entries(table(toml["dependency-groups"]))) {
    addPep508(requirements, `dependency-groups.${group}`);
  }
  const poetry = table(table(toml.tool).poetry);
  addPoetry(poetry.dependencies, "tool.poetry.dependencies");
  addPoetry(poetry["dev-dependencies"], "tool.poetry.dev-dependencies");
  for (const [group, body] of Object.entries(table(poetry.group))) {
    addPoetry(table(body).dependencies, `tool.poetry.group.${group}.dependencies`);
  }
  return { registry: "PyPI", dependencies, scripts: new Map() };
}

/** Poetry's table forms as one string: the source when there is one, else the version. */
function poetrySpec(value: unknown): string {
  if (typeof value === "string") return value;
  const spec = table(Array.isArray(value) ? value[0] : value);
  if (typeof spec.git === "string") return `git+${spec.git}`;
  if (typeof spec.url === "string") return spec.url;
  if (typeof spec.path === "string") return `path:${spec.path}`;
  return typeof spec.version === "string" ? spec.version : "*";
}

function lineOfString(lines: readonly string[], value: string): number | null {
  return findLine(lines, new RegExp(`["']${escapeRegExp(value)}["']`));
}

function table(value: unknown): Table {
  return isTable(value) ? value : {};
}

function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
