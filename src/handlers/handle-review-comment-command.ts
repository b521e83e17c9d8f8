import type { Context } from "probot";
import type { Enqueue } from "../queue/job-store.ts";
import { parseTriageCommand } from "../triage/parse-triage-command.ts";
import { isOwnEvent } from "./is-own-event.ts";

/**
 * A command in an inline review comment, typically `/triage ignore` as a reply to one of our
 * comments. Only recorded here; the job re-reads the comment, checks write access and finds the
 * finding it replies to (`runTriageCommand`).
 */
export async function handleReviewCommentCommand(
  context: Context<"pull_request_review_comment.created">,
  enqueue: Enqueue,
  appId: number | null,
): Promise<void> {
  const { comment, pull_request: pr, repository, installation, sender } = context.payload;
  if (context.isBot || isOwnEvent(context.payload, appId)) return;
  const command = parseTriageCommand(comment.body);
  if (command === null || !installation) return;
  const result = await enqueue({ id: context.id, event: "pull_request_review_comment.created" }, [
    {
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pr.number,
      headSha: null,
      headSeenAt: null,
      trigger: "review_comment_command",
      requestedBy: { login: sender.login, commentId: comment.id },
    },
  ]);
  context.log.info(
    {
      delivery: context.id,
      installation: installation.id,
      repo: repository.full_name,
      pr: pr.number,
      user: sender.login,
      command: command.kind,
      inReplyTo: comment.in_reply_to_id ?? null,
      result,
    },
    "review-comment command recorded",
  );
}
