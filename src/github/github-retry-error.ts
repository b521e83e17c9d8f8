import { httpStatus } from "../errors/http-status.ts";
import { Permanent } from "../queue/permanent.ts";
import { RetryLater } from "../queue/retry-later.ts";
import { rateLimitDelayMs } from "./rate-limit-delay-ms.ts";

interface RequestErrorShape {
  message?: unknown;
  request?: { method?: string; url?: string };
  response?: unknown;
}

/**
 * What an HTTP error (Octokit's `RequestError`, or any error carrying a status) means for the
 * job: GitHub down, a 5xx, a rate limit, a timeout (408) or a token that expired mid-job (401)
 * is worth waiting for; any other status would fail the same way again. Undefined for errors
 * that never reached an HTTP answer: the queue decides on those (a bug, a timeout).
 */
export function githubRetryError(error: unknown, now: number): RetryLater | Permanent | undefined {
  const status = httpStatus(error);
  if (status === undefined) return undefined;
  const reason = describeRequestError(error as RequestErrorShape, status, error);
  const delay = rateLimitDelayMs(error, now);
  if (delay !== undefined) return new RetryLater(reason, { until: now + delay, cause: error });
  if (status >= 500 || status === 408 || status === 401) return new RetryLater(reason, { cause: error });
  return new Permanent(reason, { cause: error });
}

function describeRequestError(shape: RequestErrorShape, status: number, error: unknown): string {
  const message = typeof shape.message === "string" ? shape.message : String(error);
  if (!shape.request) return message;
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
