/** A problem with the repository's config or policy files; triage continues with defaults. */
export interface ConfigProblem {
  file: string;
  keyPath: string;
  problem: string;
  fix: string;
}
