import type { Logger } from "probot";
import type { Octokit } from "../github/octokit.ts";
import { type CommandReaction, reactToCommand } from "../github/react-to-command.ts";
import type { StoredJob } from "../queue/job-store.ts";

const WRITERS = new Set(["admin", "maintain", "write"]);

/**
 * The deferred half of `/triage`, run by the queue rather than in the ack path: only users with
 * write access may re-run a triage (anyone can comment on a public PR, and each run costs LLM
 * money). Others get a 👎 reaction, not silence. Returns the head SHA to triage, or null.
 */
export async function authorizeTriageCommand(
  octokit: Octokit,
  job: Pick<StoredJob, "owner" | "repo" | "pullNumber" | "requestedBy" | "trigger">,
  log: Logger,
  /** The reaction that says "accepted"; null when the caller confirms later (ignores: once saved). */
  accepted: CommandReaction | null = "eyes",
): Promise<string | null> {
  const repo = { owner: job.owner, repo: job.repo };
  if (!job.requestedBy) {
    throw new Error(
      `A /triage job for ${job.owner}/${job.repo}#${job.pullNumber} has no requesting user; the handler must record who asked.`,
    );
  }
  const { login, commentId } = job.requestedBy;
  const { data: permission } = await octokit.rest.repos.getCollaboratorPermissionLevel({
    ...repo,
    username: login,
  });
  if (!WRITERS.has(permission.permission) && !WRITERS.has(permission.role_name)) {
    await reactToCommand(octokit, job, commentId, "-1");
    log.info({ user: login, permission: permission.permission }, "/triage refused: no write access");
    return null;
  }
  const { data: pr } = await octokit.rest.pulls.get({ ...repo, pull_number: job.pullNumber });
  if (accepted !== null) await reactToCommand(octokit, job, commentId, accepted);
  log.info({ user: login, head: pr.head.sha }, "/triage accepted");
  return pr.head.sha;
}
