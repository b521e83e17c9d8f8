/** GitHub asks for at least a minute's pause after a secondary rate limit that names no delay. */
const SECONDARY_LIMIT_FALLBACK_MS = 60_000;

interface RateLimitedShape {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | undefined> };
}

/**
 * How long GitHub asked us to wait, when an error is a rate limit (primary or secondary);
 * undefined for anything else, including a 403 that means "no permission".
 */
export function rateLimitDelayMs(error: unknown, now: number): number | undefined {
  const shape = (typeof error === "object" && error !== null ? error : {}) as RateLimitedShape;
  if (shape.status !== 403 && shape.status !== 429) return undefined;
  const headers = shape.response?.headers ?? {};
  const retryAfter = headers["retry-after"];
  if (retryAfter !== undefined && Number.isFinite(Number(retryAfter)) && Number(retryAfter) >= 0) {
    return Number(retryAfter) * 1000;
  }
  if (headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]) * 1000;
    // One second past the reset, as GitHub's docs advise.
    return Number.isFinite(reset) ? Math.max(reset - now, 0) + 1000 : SECONDARY_LIMIT_FALLBACK_MS;
  }
  const message = typeof shape.message === "string" ? shape.message : "";
  if (shape.status === 429 || /rate limit/i.test(message)) return SECONDARY_LIMIT_FALLBACK_MS;
  return undefined;
}
