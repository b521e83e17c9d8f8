import { batchAnnotations, type CheckAnnotation } from "../render/render-annotations.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** The check run's name is part of the product contract: branch protection requires it by name. */
export const CHECK_NAME = "PR Triage";

export type CheckConclusion = "success" | "neutral" | "failure" | "action_required";

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

/**
 * Completes the check; a check must never be left stuck in progress. GitHub takes at most 50
 * annotations per request and appends those of later updates, so they go in batches.
 */
export async function completeCheckRun(
  octokit: Octokit,
  repo: RepoRef,
  checkRunId: number,
  conclusion: CheckConclusion,
  output: { title: string; summary: string },
  annotations: readonly CheckAnnotation[] = [],
): Promise<void> {
  const [first = [], ...rest] = batchAnnotations(annotations);
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion,
    completed_at: new Date().toISOString(),
    output: { ...output, annotations: first },
  });
  for (const batch of rest) {
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: checkRunId,
      output: { ...output, annotations: batch },
    });
  }
}
