import type { Octokit, RepoRef } from "./octokit.ts";
import { CHECK_NAME } from "./start-check-run.ts";

/** Whether this head already has a `PR Triage` check run (queued, running or done): GitHub's own record of a triage. */
export async function hasTriageCheck(
  octokit: Octokit,
  { owner, repo }: RepoRef,
  headSha: string,
): Promise<boolean> {
  // Only these two fields: anything else on the object would be sent as a query parameter.
  const { data } = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 1,
  });
  return data.total_count > 0;
}
