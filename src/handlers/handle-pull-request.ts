import type { Context } from "probot";
import type { Enqueue } from "../queue/job-store.ts";
import { isOwnEvent } from "./is-own-event.ts";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

/** Guards, record, ack: the triage itself runs after GitHub has its 2xx. */
export async function handlePullRequest(
  context: PullRequestContext,
  enqueue: Enqueue,
  appId: number | null,
): Promise<void> {
  const { pull_request: pr, repository, installation, action } = context.payload;
  const log = context.log.child({
    delivery: context.id,
    installation: installation?.id,
    repo: repository.full_name,
    pr: pr.number,
    head: pr.head.sha,
  });
  if (!installation) {
    log.warn("event without an installation; cannot act on it");
    return;
  }
  if (isOwnEvent(context.payload, appId)) return;
  const result = await enqueue({ id: context.id, event: `${context.name}.${action}` }, [
    {
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pr.number,
      headSha: pr.head.sha,
      headSeenAt: pr.updated_at,
      trigger: "pull_request",
      requestedBy: null,
    },
  ]);
  log.info({ action, result }, "pull request event recorded");
}
