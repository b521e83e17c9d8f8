import { wholeNumber } from "./queue-settings.ts";

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

/** Reads the `RECOVERY_*` variables; throws on a bad value, saying how to fix it. */
export function readRecoverySettings(env: NodeJS.ProcessEnv): RecoverySettings {
  return {
    intervalMs: wholeNumber(env, "RECOVERY_INTERVAL_MS", 300_000, 0),
    windowMs: wholeNumber(env, "RECOVERY_WINDOW_MINUTES", 360, 1) * 60_000,
    maxDeliveries: wholeNumber(env, "RECOVERY_MAX_DELIVERIES", 500, 1),
    maxRedeliveries: wholeNumber(env, "RECOVERY_MAX_REDELIVERIES", 50, 1),
    maxPulls: wholeNumber(env, "RECOVERY_MAX_PULLS", 100, 1),
  };
}
