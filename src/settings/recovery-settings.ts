import { z } from "zod";
import { wholeNumberVars } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

/** Bounds of the missed-delivery recovery and the open-PR reconciliation. */
export interface RecoverySettings {
  /** `RECOVERY_INTERVAL_MS`: how often it runs (and once at start); 0 turns it off. */
  intervalMs: number;
  /** `RECOVERY_WINDOW_MINUTES`: how far back deliveries are looked at (GitHub redelivers up to 3 days). */
  windowMs: number;
  /** `RECOVERY_MAX_DELIVERIES`: deliveries listed per run. */
  maxDeliveries: number;
  /** `RECOVERY_MAX_REDELIVERIES`: failed deliveries redelivered per run. */
  maxRedeliveries: number;
  /** `RECOVERY_MAX_PULLS`: open PRs looked at per run by the reconciliation. */
  maxPulls: number;
}

export const recoveryEnvSchema = z.object({
  ...wholeNumberVars({
    RECOVERY_INTERVAL_MS: [300_000, 0],
    RECOVERY_WINDOW_MINUTES: [360, 1],
    RECOVERY_MAX_DELIVERIES: [500, 1],
    RECOVERY_MAX_REDELIVERIES: [50, 1],
    RECOVERY_MAX_PULLS: [100, 1],
  }),
});

/** Reads the `RECOVERY_*` variables; throws a SettingsError on a bad value, saying how to fix it. */
export function readRecoverySettings(env: NodeJS.ProcessEnv): RecoverySettings {
  const vars = parseEnv(recoveryEnvSchema, env);
  return {
    intervalMs: vars.RECOVERY_INTERVAL_MS,
    windowMs: vars.RECOVERY_WINDOW_MINUTES * 60_000,
    maxDeliveries: vars.RECOVERY_MAX_DELIVERIES,
    maxRedeliveries: vars.RECOVERY_MAX_REDELIVERIES,
    maxPulls: vars.RECOVERY_MAX_PULLS,
  };
}
