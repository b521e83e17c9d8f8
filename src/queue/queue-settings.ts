import type { WriteLimits } from "../github/write-pacer.ts";
import type { RetryPolicy } from "./decide-retry.ts";

/** How the durable queue runs. Read from the app's environment, with defaults that suit github.com. */
export interface QueueSettings {
  /** Where the job store lives (`DATA_DIR`, default `./.data`). */
  dataDir: string;
  /** Jobs run at once (`QUEUE_CONCURRENCY`); never two for one PR. */
  concurrency: number;
  retry: RetryPolicy;
  writes: WriteLimits;
  /** How long SIGTERM waits for in-flight jobs (`SHUTDOWN_TIMEOUT_MS`); the rest stay queued. */
  shutdownTimeoutMs: number;
}

/** Reads `DATA_DIR`, `QUEUE_*`, `GITHUB_WRITES_PER_*` and `SHUTDOWN_TIMEOUT_MS`; throws on a bad value. */
export function readQueueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  return {
    dataDir: env.DATA_DIR?.trim() || "./.data",
    concurrency: wholeNumber(env, "QUEUE_CONCURRENCY", 2, 1),
    retry: {
      maxAttempts: wholeNumber(env, "QUEUE_MAX_ATTEMPTS", 5, 1),
      baseDelayMs: wholeNumber(env, "QUEUE_RETRY_BASE_MS", 30_000, 0),
      maxDelayMs: wholeNumber(env, "QUEUE_RETRY_MAX_MS", 600_000, 0),
    },
    writes: {
      perMinute: wholeNumber(env, "GITHUB_WRITES_PER_MINUTE", 80, 1),
      perHour: wholeNumber(env, "GITHUB_WRITES_PER_HOUR", 500, 1),
    },
    shutdownTimeoutMs: wholeNumber(env, "SHUTDOWN_TIMEOUT_MS", 25_000, 0),
  };
}

export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `${name} must be a whole number of at least ${min}, got "${raw}". Unset it to use ${fallback}.`,
    );
  }
  return value;
}
