import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { rawVar } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

/** What only the `pr-triage` command line reads. */
export interface CliSettings {
  /** The LLM answer cache's folder when DATA_DIR is unset: the user's cache, never their checkout. */
  cacheDir: string;
  /** `PR_TRIAGE_DEBUG`: print the stack of an unexpected failure. */
  debug: boolean;
}

export const cliEnvSchema = z.object({ XDG_CACHE_HOME: rawVar, PR_TRIAGE_DEBUG: rawVar });

export function readCliSettings(env: NodeJS.ProcessEnv): CliSettings {
  const vars = parseEnv(cliEnvSchema, env);
  return {
    cacheDir: join(vars.XDG_CACHE_HOME || join(homedir(), ".cache"), "pr-triage"),
    debug: Boolean(vars.PR_TRIAGE_DEBUG),
  };
}
