import type { Context } from "probot";
import type { Enqueue } from "../queue/job-store.ts";
import { parseTriageCommand } from "../triage/parse-triage-command.ts";
import { isOwnEvent } from "./is-own-event.ts";

/**
 * `/triage` on a PR re-runs the triage; `/triage ignore rule <id>` and `/triage help` are read
 * again by the job (`runTriageCommand`). The commenter's write access is checked by the job
 * (`authorizeTriageCommand`), so the ack never waits on GitHub.
 */
export async function handleTriageCommand(
  context: Context<"issue_comment.created">,
  enqueue: Enqueue,
  appId: number | null,
): Promise<void> {
  const { comment, issue, repository, installation, sender } = context.payload;
  if (context.isBot || isOwnEvent(context.payload, appId)) return;
  const command = parseTriageCommand(comment.body);
  if (!issue.pull_request || command === null || !installation) return;
  const result = await enqueue({ id: context.id, event: "issue_comment.created" }, [
    {
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: issue.number,
      headSha: null,
      headSeenAt: null,
      trigger: command.kind === "rerun" ? "command" : "comment_command",
      requestedBy: { login: sender.login, commentId: comment.id },
    },
  ]);
  context.log.info(
    {
      delivery: context.id,
      installation: installation.id,
      repo: repository.full_name,
      pr: issue.number,
      user: sender.login,
      command: command.kind,
      result,
    },
    "/triage recorded",
  );
}
