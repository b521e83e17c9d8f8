import type { Context } from "probot";
import type { TriageQueue } from "../queue/triage-queue.ts";

const COMMAND = /^\/triage\s*$/m;
const WRITERS = new Set(["admin", "maintain", "write"]);

/**
 * `/triage` on a PR re-runs the triage, but only for users with write access: anyone can
 * comment on a public PR, and each run costs LLM money. Others get a 👎 reaction, not silence.
 */
export async function handleTriageCommand(
  context: Context<"issue_comment.created">,
  queue: TriageQueue,
): Promise<void> {
  const { comment, issue, repository, installation, sender } = context.payload;
  if (context.isBot || !issue.pull_request || !COMMAND.test(comment.body) || !installation) return;
  const log = context.log.child({
    delivery: context.id,
    repo: repository.full_name,
    pr: issue.number,
    user: sender.login,
  });
  const repo = { owner: repository.owner.login, repo: repository.name };
  const { data: permission } = await context.octokit.rest.repos.getCollaboratorPermissionLevel({
    ...repo,
    username: sender.login,
  });
  if (!WRITERS.has(permission.permission) && !WRITERS.has(permission.role_name)) {
    await context.octokit.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: "-1",
    });
    log.info({ permission: permission.permission }, "/triage ignored: no write access");
    return;
  }
  const { data: pr } = await context.octokit.rest.pulls.get({ ...repo, pull_number: issue.number });
  await context.octokit.rest.reactions.createForIssueComment({
    ...repo,
    comment_id: comment.id,
    content: "eyes",
  });
  queue.enqueue({
    deliveryId: context.id,
    installationId: installation.id,
    ...repo,
    pullNumber: issue.number,
    headSha: pr.head.sha,
    trigger: "command",
  });
  log.info("/triage accepted");
}
