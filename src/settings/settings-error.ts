/**
 * Environment variables that do not validate. Each problem says what was expected, what was
 * found and how to fix it; the message lists them all, so one start fixes every mistake.
 */
export class SettingsError extends Error {
  override name = "SettingsError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.problems = problems;
  }
}
