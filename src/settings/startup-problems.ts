import { readSettings } from "./read-settings.ts";

/**
 * Refuses configurations that would run insecurely or fail every job (a forgeable webhook secret,
 * a malformed endpoint, a bad number): every problem readSettings finds in the server's variables.
 */
export function startupProblems(env: NodeJS.ProcessEnv): string[] {
  const read = readSettings(env);
  return read.ok ? [] : read.problems;
}
