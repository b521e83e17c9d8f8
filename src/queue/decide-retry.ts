import { Permanent } from "./permanent.ts";
import { RetryLater } from "./retry-later.ts";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the second attempt; it doubles for each one after. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; reason: string };

/**
 * Decides, from the error that ended an attempt, whether the job runs again and when (pure).
 * `RetryLater` is worth waiting for (until the time it names, else a backoff), and so is a
 * timeout or an abort; `Permanent`, and any other error (a bug), would fail the same way again,
 * so the job fails now with a reason a human can act on. The boundary that talks to a service
 * turns its errors into `RetryLater` or `Permanent` (for GitHub: `githubRetryError`).
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  now: number,
  random: () => number = Math.random,
): RetryDecision {
  const reason = describe(error);
  const passing = error instanceof RetryLater || (!(error instanceof Permanent) && isTimeout(error));
  if (!passing) return { retry: false, reason };
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt} attempts; the last one failed: ${reason}` };
  }
  if (error instanceof RetryLater && error.until !== undefined) {
    return { retry: true, delayMs: Math.max(error.until - now, 0), reason };
  }
  // Equal jitter: half the backoff is fixed, half random, so retries from a burst spread out.
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return { retry: true, delayMs: Math.round(backoff / 2 + (random() * backoff) / 2), reason };
}

function describe(error: unknown): string {
  const message =
    typeof error === "object" && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(error);
}

/** A request the caller gave up waiting for (`AbortSignal.timeout`, an abort): it may well work next time. */
function isTimeout(error: unknown): boolean {
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === "TimeoutError" || name === "AbortError";
}
