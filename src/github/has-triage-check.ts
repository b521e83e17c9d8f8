import type { Octokit, RepoRef } from "./octokit.ts";
import { CHECK_NAME } from "./publish-check-run.ts";

/** Whether this head already has a `PR Triage` check run (queued, running or done): GitHub's own record of a triage. */
export async function hasTriageCheck(octokit: Octokit, repo: RepoRef, headSha: string): Promise<boolean> {
  const { data } = await octokit.rest.checks.listForRef({
    ...repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 1,
  });
  return data.total_count > 0;
}
