import { z } from "zod";
import { rawVar } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

/** What only the server reads: whether it runs in production, and the app it is. */
export interface ServerSettings {
  production: boolean;
  /** `APP_ID` as a number; null in setup mode (credentialProblems checks it in detail). */
  appId: number | null;
}

/**
 * Probot silently falls back to the secret "development" when WEBHOOK_SECRET is unset, which in
 * production lets anyone forge webhooks: refuse that.
 */
export const serverEnvSchema = z
  .object({
    NODE_ENV: rawVar,
    WEBHOOK_SECRET: rawVar,
    // credentialProblems checks the id and parses the key (it may read PRIVATE_KEY_PATH's file).
    APP_ID: rawVar,
    PRIVATE_KEY: rawVar,
    PRIVATE_KEY_PATH: rawVar,
    // Read by Probot itself; listed so the schema documents every variable.
    PORT: rawVar,
    HOST: rawVar,
    LOG_LEVEL: rawVar,
    WEBHOOK_PROXY_URL: rawVar,
  })
  .superRefine((vars, ctx) => {
    const secret = vars.WEBHOOK_SECRET?.trim();
    if (vars.NODE_ENV !== "production" || (secret && secret !== "development")) return;
    ctx.addIssue({
      code: "custom",
      message:
        "WEBHOOK_SECRET is unset or 'development' while NODE_ENV=production. Set WEBHOOK_SECRET to the webhook secret of your GitHub App (a long random string, e.g. `openssl rand -hex 32`).",
    });
  });

/** Reads `NODE_ENV`, `WEBHOOK_SECRET` and `APP_ID`; throws a SettingsError on an insecure secret. */
export function readServerSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const vars = parseEnv(serverEnvSchema, env);
  return { production: vars.NODE_ENV === "production", appId: Number(vars.APP_ID) || null };
}
