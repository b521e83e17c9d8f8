import type { Context } from "probot";
import type { TriageQueue } from "../queue/triage-queue.ts";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

/** Guards, enqueue, ack: the triage itself runs after GitHub has its 2xx. */
export async function handlePullRequest(context: PullRequestContext, queue: TriageQueue): Promise<void> {
  const { pull_request: pr, repository, installation } = context.payload;
  const log = context.log.child({
    delivery: context.id,
    repo: repository.full_name,
    pr: pr.number,
    head: pr.head.sha,
  });
  if (!installation) {
    log.warn("event without an installation; cannot act on it");
    return;
  }
  const queued = queue.enqueue({
    deliveryId: context.id,
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pr.number,
    headSha: pr.head.sha,
    trigger: "pull_request",
  });
  log.info({ action: context.payload.action, queued }, "pull request event accepted");
}
