import { ProbotOctokit } from "probot";
import type { Octokit } from "../../src/github/octokit.ts";

/** An installation-style client with retries and throttling off, so each mock is hit exactly once. */
export function testOctokit(): Octokit {
  return new ProbotOctokit({
    auth: { token: "ghs_test" },
    retry: { enabled: false },
    throttle: { enabled: false },
  }) as unknown as Octokit;
}
