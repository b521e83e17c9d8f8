import { z } from "zod";
import { textVar, wholeNumberVar } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";
import type { StoreSettings } from "./store-settings.ts";

/** `DATABASE_URL`, `DATABASE_POOL_SIZE` and `QUEUE_LEASE_MS`. */
export const storeEnvSchema = z.object({
  DATABASE_URL: textVar.superRefine((url, ctx) => {
    if (url === undefined || /^postgres(ql)?:\/\//.test(url)) return;
    // Only the scheme's first characters: the rest may hold a password.
    ctx.addIssue({
      code: "custom",
      message: `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database, got one starting "${url.slice(0, 12)}". Unset it to use the embedded SQLite store in DATA_DIR.`,
    });
  }),
  // At least 2: the recovery holds one connection for its lock while it works on another.
  DATABASE_POOL_SIZE: wholeNumberVar("DATABASE_POOL_SIZE", 10, 2),
  QUEUE_LEASE_MS: wholeNumberVar("QUEUE_LEASE_MS", 15_000, 3_000),
});

/** Reads the job store's variables; throws a SettingsError on a bad value, saying how to fix it. */
export function readStoreSettings(env: NodeJS.ProcessEnv): StoreSettings {
  const vars = parseEnv(storeEnvSchema, env);
  return {
    databaseUrl: vars.DATABASE_URL ?? null,
    poolSize: vars.DATABASE_POOL_SIZE,
    leaseMs: vars.QUEUE_LEASE_MS,
  };
}
