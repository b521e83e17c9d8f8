import { z } from "zod";
import { textVar } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

export interface AnalyticsSettings {
  /** How long events, triages and feedback are kept (`ANALYTICS_RETENTION_DAYS`, default 180). */
  retentionDays: number;
  /** `DASHBOARD_TOKEN`: unset, /metrics and /dashboard answer 404. */
  dashboardToken: string | null;
}

const DEFAULT_RETENTION_DAYS = 180;
/** Shorter tokens are guessable; sign-in is not rate-limited per client. */
const MIN_TOKEN_LENGTH = 16;

export const analyticsEnvSchema = z.object({
  ANALYTICS_RETENTION_DAYS: textVar
    .transform((raw, ctx) => {
      const days = raw ? Number(raw) : DEFAULT_RETENTION_DAYS;
      if (Number.isInteger(days) && days >= 1) return days;
      ctx.addIssue({
        code: "custom",
        message: `ANALYTICS_RETENTION_DAYS must be a whole number of days, at least 1; got "${raw}". Unset it for the default (${DEFAULT_RETENTION_DAYS}).`,
      });
      return z.NEVER;
    })
    .meta({ envDefault: String(DEFAULT_RETENTION_DAYS) }),
  DASHBOARD_TOKEN: textVar.superRefine((token, ctx) => {
    if (token === undefined || token.length >= MIN_TOKEN_LENGTH) return;
    ctx.addIssue({
      code: "custom",
      message: `DASHBOARD_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters; got ${token.length}. Generate one with \`openssl rand -hex 32\`, or unset it to turn /metrics and /dashboard off.`,
    });
  }),
});

/** Reads the analytics variables; throws a SettingsError on a bad value, saying how to fix it. */
export function readAnalyticsSettings(env: NodeJS.ProcessEnv): AnalyticsSettings {
  const vars = parseEnv(analyticsEnvSchema, env);
  return { retentionDays: vars.ANALYTICS_RETENTION_DAYS, dashboardToken: vars.DASHBOARD_TOKEN ?? null };
}
