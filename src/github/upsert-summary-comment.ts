import { SUMMARY_MARKER } from "../render/markers.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** Keeps exactly one summary comment per PR, found by its marker and edited in place. */
export async function upsertSummaryComment(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  body: string,
): Promise<{ id: number; action: "created" | "updated" | "unchanged" }> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const mine = comments.find((c) => c.body?.includes(SUMMARY_MARKER) && c.performed_via_github_app);
  const existing = mine ?? comments.find((c) => c.body?.includes(SUMMARY_MARKER) && c.user?.type === "Bot");
  if (existing) {
    if (existing.body === body) return { id: existing.id, action: "unchanged" };
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { id: existing.id, action: "updated" };
  }
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  return { id: data.id, action: "created" };
}
