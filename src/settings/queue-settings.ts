import type { WriteLimits } from "../github/write-pacer.ts";
import type { RetryPolicy } from "../queue/decide-retry.ts";

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
