import type { StoredJob } from "../queue/job-store.ts";
import type { Octokit } from "./octokit.ts";

export type CommandReaction = "+1" | "-1" | "eyes" | "confused";

/** Reacts on the comment that carried a command: an issue comment, or an inline review comment. */
export async function reactToCommand(
  octokit: Octokit,
  job: Pick<StoredJob, "owner" | "repo" | "trigger">,
  commentId: number,
  content: CommandReaction,
): Promise<void> {
  const target = { owner: job.owner, repo: job.repo, comment_id: commentId, content };
  if (job.trigger === "review_comment_command") {
    await octokit.rest.reactions.createForPullRequestReviewComment(target);
  } else {
    await octokit.rest.reactions.createForIssueComment(target);
  }
}
