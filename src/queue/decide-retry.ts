import { rateLimitDelayMs } from "../github/rate-limit-delay.ts";

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

interface HttpErrorShape {
  status?: unknown;
  message?: unknown;
  name?: unknown;
  request?: { method?: string; url?: string };
  response?: unknown;
}

/**
 * Decides, from the error that ended an attempt, whether the job runs again and when (pure).
 * GitHub down, 5xx and rate limits are worth waiting for; a 4xx or a bug would fail the same way
 * again, so the job fails now with a reason a human can act on.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  now: number,
  random: () => number = Math.random,
): RetryDecision {
  const shape = (typeof error === "object" && error !== null ? error : {}) as HttpErrorShape;
  const status = typeof shape.status === "number" ? shape.status : undefined;
  const reason = describeError(shape, status, error);
  const rateLimitDelay = rateLimitDelayMs(error, now);
  const transient =
    rateLimitDelay !== undefined ||
    (status !== undefined && (status >= 500 || status === 408 || status === 401)) ||
    shape.name === "TimeoutError" ||
    shape.name === "AbortError";
  if (!transient) return { retry: false, reason };
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt} attempts; the last one failed: ${reason}` };
  }
  // Equal jitter: half the backoff is fixed, half random, so retries from a burst spread out.
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delayMs = rateLimitDelay ?? Math.round(backoff / 2 + (random() * backoff) / 2);
  return { retry: true, delayMs, reason };
}

function describeError(shape: HttpErrorShape, status: number | undefined, error: unknown): string {
  const message = typeof shape.message === "string" ? shape.message : String(error);
  if (status === undefined || !shape.request) return message;
  const { method = "?", url = "?" } = shape.request;
  // The API path only: host, GHE prefix and query are noise, and a query could carry a credential.
  const path = url
    .replace(/^[a-z]+:\/\/[^/]+/i, "")
    .replace(/^\/api\/v3(?=\/)/, "")
    .replace(/\?.*$/, "");
  // Octokit reports a network failure as a 500 with no response.
  if (!shape.response) return `${method} ${path} got no answer from GitHub: ${message}`;
  return `GitHub answered ${status} to ${method} ${path}: ${message}`;
}
