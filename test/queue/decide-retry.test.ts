import { describe, expect, it } from "vitest";
import { githubRetryError } from "../../src/github/github-retry-error.ts";
import { decideRetry } from "../../src/queue/decide-retry.ts";

const POLICY = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 };
const NOW = 1_700_000_000_000;

/** Shaped like Octokit's RequestError, as the GitHub boundary hands it to the queue. */
function githubError(status: number, message: string, headers: Record<string, string> = {}, answered = true) {
  const error = Object.assign(new Error(message), {
    status,
    request: { method: "POST", url: "http://ghe.test/api/v3/repos/o/r/pulls/1/reviews?x=1" },
    ...(answered ? { response: { status, headers, data: {} } } : {}),
  });
  return githubRetryError(error, NOW);
}

describe("decideRetry", () => {
  it("retries a 5xx with doubling, jittered, capped backoff", () => {
    const error = githubError(502, "Bad Gateway");
    expect(decideRetry(error, 1, POLICY, NOW, () => 0)).toEqual({
      retry: true,
      delayMs: 500,
      reason: "GitHub answered 502 to POST /repos/o/r/pulls/1/reviews: Bad Gateway",
    });
    expect(decideRetry(error, 2, POLICY, NOW, () => 1)).toMatchObject({ delayMs: 2_000 });
    expect(decideRetry(error, 3, POLICY, NOW, () => 1)).toMatchObject({ delayMs: 3_000 });
  });

  it("retries when GitHub could not be reached at all", () => {
    const error = githubError(500, "connect ECONNREFUSED 127.0.0.1:1", {}, false);
    expect(decideRetry(error, 1, POLICY, NOW, () => 0)).toMatchObject({
      retry: true,
      reason: "POST /repos/o/r/pulls/1/reviews got no answer from GitHub: connect ECONNREFUSED 127.0.0.1:1",
    });
  });

  it("waits exactly as long as a secondary rate limit's retry-after asks", () => {
    const error = githubError(403, "You have exceeded a secondary rate limit", { "retry-after": "7" });
    expect(decideRetry(error, 1, POLICY, NOW)).toMatchObject({ retry: true, delayMs: 7_000 });
    expect(
      decideRetry(githubError(429, "Too Many Requests", { "retry-after": "2" }), 1, POLICY, NOW),
    ).toMatchObject({ retry: true, delayMs: 2_000 });
  });

  it("waits a minute after a secondary rate limit that names no delay", () => {
    const error = githubError(403, "You have exceeded a secondary rate limit");
    expect(decideRetry(error, 1, POLICY, NOW)).toMatchObject({ retry: true, delayMs: 60_000 });
  });

  it("waits for the reset after the primary rate limit", () => {
    const reset = String((NOW + 30_000) / 1000);
    const error = githubError(403, "API rate limit exceeded", {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": reset,
    });
    expect(decideRetry(error, 1, POLICY, NOW)).toMatchObject({ retry: true, delayMs: 31_000 });
  });

  it("fails at once on errors that would repeat: 404, a permission 403, a 422, a bug", () => {
    expect(decideRetry(githubError(404, "Not Found"), 1, POLICY, NOW)).toEqual({
      retry: false,
      reason: "GitHub answered 404 to POST /repos/o/r/pulls/1/reviews: Not Found",
    });
    expect(
      decideRetry(githubError(403, "Resource not accessible by integration"), 1, POLICY, NOW),
    ).toMatchObject({
      retry: false,
    });
    expect(decideRetry(githubError(422, "Unprocessable Entity"), 1, POLICY, NOW)).toMatchObject({
      retry: false,
    });
    expect(decideRetry(new TypeError("x is undefined"), 1, POLICY, NOW)).toEqual({
      retry: false,
      reason: "x is undefined",
    });
  });

  it("gives up after the last attempt, saying how many there were and why the last failed", () => {
    expect(decideRetry(githubError(503, "Service Unavailable"), 4, POLICY, NOW)).toEqual({
      retry: false,
      reason:
        "gave up after 4 attempts; the last one failed: GitHub answered 503 to POST /repos/o/r/pulls/1/reviews: Service Unavailable",
    });
  });
});
