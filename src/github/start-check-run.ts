import type { Octokit, RepoRef } from "./octokit.ts";

/** The check run's name is part of the product contract: branch protection requires it by name. */
export const CHECK_NAME = "PR Triage";

/** Opens the check as in progress, so reviewers see triage is running. */
export async function startCheckRun(octokit: Octokit, repo: RepoRef, headSha: string): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    output: { title: "Triage in progress", summary: "PR Triage is reviewing this change." },
  });
  return data.id;
}
