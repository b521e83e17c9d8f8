/** A dependency as a manifest declares it, whatever the ecosystem. */
export interface DeclaredDependency {
  name: string;
  /** The version range or source as written (`^1.2.3`, `git+https://…`, `{ path = "../x" }` as `path:../x`). */
  spec: string;
  /** Where it is declared: `dependencies`, `devDependencies`, `optional-dependencies.dev`, `require`… */
  section: string;
  /** 1-based line in the manifest's text, when it can be found. */
  line: number | null;
}

/** What a manifest parser returns: its dependencies and, for npm, its lifecycle scripts. */
export interface ParsedManifest {
  /** Registry the names belong to, for the typosquat check; `null` when there is no popular list. */
  registry: "npm" | "PyPI" | null;
  dependencies: DeclaredDependency[];
  scripts: Map<string, { command: string; line: number | null }>;
}
