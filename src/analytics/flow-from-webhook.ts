import { readFingerprint } from "../render/markers.ts";
import type { ThreadResolution } from "./analytics-store.ts";
import { type FlowEvent, type FlowEventKind, type FlowPull, isBotLogin } from "./flow-event.ts";

/** The webhook events (and actions) the lifecycle is recorded from. */
export const FLOW_WEBHOOK_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.closed",
  "pull_request.review_requested",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
  "issue_comment.created",
  "pull_request_review_thread.resolved",
  "pull_request_review_thread.unresolved",
] as const;

type User = { login: string; type?: string } | null | undefined;

/** The parts of those payloads this reads; GitHub sends much more. */
export interface FlowPayload {
  action?: string;
  repository: { full_name: string };
  sender?: User;
  pull_request?: {
    number: number;
    user: User;
    title: string;
    draft?: boolean;
    merged?: boolean | null;
    created_at: string;
    updated_at: string;
    closed_at?: string | null;
    merged_at?: string | null;
  };
  issue?: { number: number; user: User; title: string; pull_request?: unknown };
  review?: { user: User; state: string; submitted_at?: string | null };
  comment?: { user: User; created_at: string };
  requested_reviewer?: User;
  requested_team?: { slug: string } | null;
  thread?: { comments: { id: number; body: string; user: User }[] };
}

export type FlowRecord =
  | { kind: "event"; pull: FlowPull; event: FlowEvent }
  | { kind: "resolution"; resolution: ThreadResolution };

const PR_ACTIONS: Record<string, FlowEventKind> = {
  opened: "opened",
  reopened: "reopened",
  synchronize: "push",
  ready_for_review: "ready",
  converted_to_draft: "draft",
  closed: "closed",
  review_requested: "review_requested",
};

/**
 * Turns one delivery into what analytics records, from the payload alone (nothing is fetched).
 * Null for what is not part of a PR's review flow (a comment on a plain issue, say).
 */
export function flowFromWebhook(
  name: string,
  deliveryId: string,
  payload: FlowPayload,
  receivedAt: number,
): FlowRecord | null {
  const repo = payload.repository.full_name;
  const pr = payload.pull_request;
  if (name === "pull_request_review_thread") {
    if (!pr || !payload.thread) return null;
    const comments = payload.thread.comments.flatMap((c) => {
      const fingerprint = isBotLogin(c.user?.login ?? null, c.user?.type) ? readFingerprint(c.body) : null;
      return fingerprint ? [{ commentId: c.id, fingerprint }] : [];
    });
    if (comments.length === 0) return null;
    const resolved = payload.action === "resolved";
    return {
      kind: "resolution",
      resolution: { repo, pullNumber: pr.number, comments, resolved, at: receivedAt },
    };
  }
  const subject = pr ?? (payload.issue?.pull_request ? payload.issue : undefined);
  if (!subject) return null;
  const pull: FlowPull = {
    repo,
    pullNumber: subject.number,
    author: subject.user?.login ?? "",
    title: subject.title,
  };
  const at = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : receivedAt);
  const make = (
    kind: FlowEventKind,
    time: number,
    actor: User,
    detail: string | null = null,
  ): FlowRecord => ({
    kind: "event",
    pull,
    event: {
      id: deliveryId,
      repo,
      pullNumber: pull.pullNumber,
      kind,
      at: time,
      actor: actor?.login ?? null,
      actorIsBot: isBotLogin(actor?.login ?? null, actor?.type),
      detail,
    },
  });
  if (name === "pull_request_review" && payload.review) {
    const { review } = payload;
    return make("review", at(review.submitted_at), review.user, review.state.toLowerCase());
  }
  if ((name === "pull_request_review_comment" || name === "issue_comment") && payload.comment) {
    const kind = name === "issue_comment" ? "comment" : "review_comment";
    return make(kind, at(payload.comment.created_at), payload.comment.user);
  }
  if (name !== "pull_request" || !pr) return null;
  const kind = PR_ACTIONS[payload.action ?? ""];
  if (!kind) return null;
  if (kind === "opened") return make("opened", at(pr.created_at), pr.user, pr.draft ? "draft" : null);
  if (kind === "closed") {
    return pr.merged
      ? make("merged", at(pr.merged_at), payload.sender)
      : make("closed", at(pr.closed_at), payload.sender);
  }
  if (kind === "review_requested") {
    const requested = payload.requested_team
      ? `team:${payload.requested_team.slug}`
      : (payload.requested_reviewer?.login ?? null);
    return make(kind, at(pr.updated_at), payload.sender, requested);
  }
  return make(kind, at(pr.updated_at), payload.sender);
}
