/** What a CLI command may touch, injected so tests can run it in-process against a temp repo. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Results: the triage or the validation report (text or JSON). */
  stdout: { write(text: string): unknown };
  /** Progress and notes, so `--json` output on stdout stays machine-readable. */
  stderr: { write(text: string): unknown };
}

/** A failure the user can fix (bad flag, not a git repo, unknown ref); printed without a stack. */
export class UsageError extends Error {
  override name = "UsageError";
}
