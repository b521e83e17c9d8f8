import { ProbotOctokit } from "probot";

/**
 * Statuses Octokit must not retry in process. 429 joins Probot's list: a rate limit is waited out
 * by requeueing the job (durably, freeing the worker), not by sleeping inside a request.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** A GitHub request that hangs longer than this fails, and the job retries later. */
const REQUEST_TIMEOUT_MS = 30_000;

/** POSTs that add a label, a reviewer or a reaction: sending one twice changes nothing. */
const IDEMPOTENT_POST = /\/(labels|requested_reviewers|reactions)$/;

/**
 * A POST creates something, and a 5xx can hide a success: @octokit/plugin-retry would blindly
 * send it again (a second review, a second comment). Such POSTs fail instead, and the job's next
 * attempt re-reads GitHub (review and summary markers) before it writes again.
 */
function noBlindRetries(octokit: Pick<InstanceType<typeof ProbotOctokit>, "hook">): void {
  octokit.hook.before("request", (options) => {
    const creates = options.method === "POST" && !IDEMPOTENT_POST.test(options.url);
    options.request = {
      ...options.request,
      ...(creates ? { retries: 0 } : {}),
      signal: options.request?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    };
  });
}

/**
 * The Octokit class the app runs on. Probot's throttling is off: it spaces every write of the
 * process 1–3 s apart and sleeps through rate limits inside the request. The queue does both
 * better, per installation (`paceWrites`) and durably (`decideRetry`).
 */
export const JobOctokit = ProbotOctokit.plugin(noBlindRetries).defaults(
  (options: ConstructorParameters<typeof ProbotOctokit>[0] = {}) => ({
    ...options,
    throttle: { ...options.throttle, enabled: false },
    retry: { ...options.retry, doNotRetry: DO_NOT_RETRY },
  }),
);
