import type { Permanent } from "./permanent.ts";
import type { RetryLater } from "./retry-later.ts";

/**
 * Reads what a runner threw as `RetryLater` or `Permanent`, at the boundary of the service it
 * talks to (for GitHub: `githubRetryError`); undefined leaves the error for `decideRetry` to judge.
 */
export type ClassifyError = (error: unknown, now: number) => RetryLater | Permanent | undefined;
