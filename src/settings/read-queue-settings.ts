import { z } from "zod";
import { textVar, wholeNumberVars } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";
import type { QueueSettings } from "./queue-settings.ts";

/** `DATA_DIR`, `QUEUE_*`, `GITHUB_WRITES_PER_*` and `SHUTDOWN_TIMEOUT_MS`. */
export const queueEnvSchema = z.object({
  DATA_DIR: textVar,
  ...wholeNumberVars({
    QUEUE_CONCURRENCY: [2, 1],
    QUEUE_MAX_ATTEMPTS: [5, 1],
    QUEUE_RETRY_BASE_MS: [30_000, 0],
    QUEUE_RETRY_MAX_MS: [600_000, 0],
    GITHUB_WRITES_PER_MINUTE: [80, 1],
    GITHUB_WRITES_PER_HOUR: [500, 1],
    SHUTDOWN_TIMEOUT_MS: [25_000, 0],
  }),
});

/** Reads the queue's variables; throws a SettingsError on a bad value, saying how to fix it. */
export function readQueueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const vars = parseEnv(queueEnvSchema, env);
  return {
    dataDir: vars.DATA_DIR || "./.data",
    concurrency: vars.QUEUE_CONCURRENCY,
    retry: {
      maxAttempts: vars.QUEUE_MAX_ATTEMPTS,
      baseDelayMs: vars.QUEUE_RETRY_BASE_MS,
      maxDelayMs: vars.QUEUE_RETRY_MAX_MS,
    },
    writes: { perMinute: vars.GITHUB_WRITES_PER_MINUTE, perHour: vars.GITHUB_WRITES_PER_HOUR },
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
  };
}
