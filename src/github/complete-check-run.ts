import { batchAnnotations, type CheckAnnotation } from "../render/render-annotations.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export type CheckConclusion = "success" | "neutral" | "failure" | "action_required";

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
