import type { Logger } from "probot";
import type { ClassifyError } from "./classify-error.ts";
import { decideRetry, type RetryPolicy } from "./decide-retry.ts";
import type { JobEnding, JobRunner } from "./job-runner.ts";
import type { JobStore, StoredJob } from "./job-store.ts";

/** Closing a check (or recording a result) is tried this many times before waiting longer. */
export const WRITE_ATTEMPTS = 4;
/** The first pause between two tries; it doubles each time. */
export const WRITE_PAUSE_MS = 1_000;

/**
 * Closes an ended job's check run, retrying: a check is never left "in progress". If GitHub
 * still refuses for a passing reason, the job goes back to the queue to close it later
 * (`requeued`); a refusal that would only repeat (the check was deleted, say) lets the job end
 * without it (`gave-up`).
 */
export async function closeWithRetry(
  runner: JobRunner,
  store: JobStore,
  job: StoredJob,
  ending: JobEnding,
  context: { retry: RetryPolicy; now: () => number; log: Logger; classify: ClassifyError },
): Promise<"closed" | "gave-up" | "requeued"> {
  const { now, log } = context;
  for (let attempt = 1; ; attempt++) {
    try {
      await runner.close(job, ending, log);
      return "closed";
    } catch (error) {
      const at = now();
      const classified = context.classify(error, at) ?? error;
      const decision = decideRetry(classified, 1, { ...context.retry, maxAttempts: 2 }, at);
      log.warn({ reason: decision.reason, attempt }, "could not close the check run");
      if (!decision.retry) return "gave-up";
      if (attempt >= WRITE_ATTEMPTS) {
        await store.retryAt(
          job.id,
          now() + decision.delayMs,
          `could not close the check run: ${decision.reason}`,
          now(),
        );
        return "requeued";
      }
      await sleep(Math.min(decision.delayMs, WRITE_PAUSE_MS * 2 ** attempt));
    }
  }
}

/**
 * The store failed while recording a job's result. Left `running`, the job would block its PR
 * until a restart: hand it back (not counted as an attempt; publishing is idempotent) once the
 * store answers again.
 */
export async function releaseAfterStoreError(
  store: JobStore,
  job: StoredJob,
  now: () => number,
  log: Logger,
): Promise<void> {
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    await sleep(WRITE_PAUSE_MS * 2 ** (attempt - 1));
    try {
      await store.release(job.id, now());
      return;
    } catch (error) {
      log.error({ err: error, attempt }, "job store still failing");
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
