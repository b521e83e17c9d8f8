import type { Logger } from "probot";
import { type AppIdentity, isAppAuthored } from "../github/app-identity.ts";
import type { Octokit } from "../github/octokit.ts";
import { reactToCommand } from "../github/react-to-command.ts";
import type { StoredJob } from "../queue/job-store.ts";
import { readFingerprint } from "../render/markers.ts";
import { renderHelp } from "../render/render-help.ts";
import type { IgnoreEntry } from "../render/summary-state.ts";
import { authorizeTriageCommand } from "./authorize-triage-command.ts";
import { parseTriageCommand } from "./parse-triage-command.ts";
import type { CommandOutcome } from "./triage-outcome.ts";

/** What a command job does next: a triage (with a new ignore, maybe), or nothing more. */
export type CommandPlan =
  | { kind: "triage"; headSha: string; ignore: IgnoreEntry | null }
  | { kind: "done"; outcome: CommandOutcome };

type CommandJob = Pick<StoredJob, "owner" | "repo" | "pullNumber" | "requestedBy" | "trigger">;

/**
 * The deferred half of `/triage ignore …` and `/triage help`: re-reads the comment (the queue
 * stores who asked, not what), checks write access like `/triage`, and for `/triage ignore`
 * finds the finding through the fingerprint in the inline comment it replies to, which counts
 * only if this app wrote it. The ignore is confirmed (👍) by the caller once the summary holds it.
 */
export async function runTriageCommand(
  octokit: Octokit,
  job: CommandJob,
  log: Logger,
  identity: () => Promise<AppIdentity>,
): Promise<CommandPlan> {
  const repo = { owner: job.owner, repo: job.repo };
  const commentId = job.requestedBy?.commentId;
  const login = job.requestedBy?.login;
  if (commentId === undefined || login === undefined) {
    throw new Error(
      `A command job for ${job.owner}/${job.repo}#${job.pullNumber} has no requesting comment; the handler must record who asked.`,
    );
  }
  const comment =
    job.trigger === "review_comment_command"
      ? (await octokit.rest.pulls.getReviewComment({ ...repo, comment_id: commentId })).data
      : (await octokit.rest.issues.getComment({ ...repo, comment_id: commentId })).data;
  const command = parseTriageCommand(comment.body ?? "");
  if (command === null) return { kind: "done", outcome: "not-a-command" };
  const headSha = await authorizeTriageCommand(octokit, job, log, command.kind === "rerun" ? "eyes" : null);
  if (headSha === null) return { kind: "done", outcome: "denied" };

  switch (command.kind) {
    case "rerun":
      return { kind: "triage", headSha, ignore: null };
    case "ignore-rule":
      return { kind: "triage", headSha, ignore: { kind: "rule", ruleId: command.ruleId, by: login } };
    case "help": {
      if (job.trigger === "review_comment_command") {
        await octokit.rest.pulls.createReplyForReviewComment({
          ...repo,
          pull_number: job.pullNumber,
          comment_id: commentId,
          body: renderHelp(),
        });
      } else {
        await octokit.rest.issues.createComment({
          ...repo,
          issue_number: job.pullNumber,
          body: renderHelp(),
        });
      }
      await reactToCommand(octokit, job, commentId, "+1");
      return { kind: "done", outcome: "answered-help" };
    }
    case "ignore": {
      const parentId = "in_reply_to_id" in comment ? comment.in_reply_to_id : undefined;
      const parent = parentId
        ? (await octokit.rest.pulls.getReviewComment({ ...repo, comment_id: parentId })).data
        : null;
      const fingerprint =
        parent && isAppAuthored(parent, await identity()) ? readFingerprint(parent.body) : null;
      if (fingerprint === null) {
        // Said where there is no finding of ours to point at: a 😕, and nothing is ignored.
        await reactToCommand(octokit, job, commentId, "confused");
        log.info(
          { user: login, parent: parentId ?? null },
          "/triage ignore without one of our inline comments",
        );
        return { kind: "done", outcome: "ignore-without-finding" };
      }
      return { kind: "triage", headSha, ignore: { kind: "finding", fingerprint, by: login } };
    }
  }
}
