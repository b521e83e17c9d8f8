import type { SummaryComment } from "./find-summary-comment.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** Keeps exactly one summary comment per PR, edited in place; no write when nothing changed. */
export async function upsertSummaryComment(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  existing: SummaryComment | null,
  body: string,
): Promise<{ id: number; action: "created" | "updated" | "unchanged" }> {
  if (existing) {
    if (existing.body === body) return { id: existing.id, action: "unchanged" };
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { id: existing.id, action: "updated" };
  }
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  return { id: data.id, action: "created" };
}
