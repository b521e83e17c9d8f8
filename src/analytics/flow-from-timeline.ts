import type { FlowEvent, FlowEventKind } from "./flow-event.ts";
import { isBotLogin } from "./flow-event.ts";

type User = { login: string; type?: string } | null | undefined;

/** The fields of GitHub's issue timeline items this reads (see "List timeline events for an issue"). */
export interface TimelineItem {
  event?: string;
  node_id?: string;
  id?: number;
  created_at?: string;
  submitted_at?: string;
  actor?: User;
  user?: User;
  state?: string;
  requested_reviewer?: User;
  requested_team?: { slug: string } | null;
  committer?: { date?: string } | null;
  comments?: { created_at: string; user: User }[];
}

const KINDS: Record<string, FlowEventKind> = {
  ready_for_review: "ready",
  convert_to_draft: "draft",
  reopened: "reopened",
  closed: "closed",
  merged: "merged",
  reviewed: "review",
  commented: "comment",
  "line-commented": "review_comment",
  committed: "push",
  head_ref_force_pushed: "push",
  review_requested: "review_requested",
};

/**
 * A PR's history as the same events the webhooks give: the timeline has every milestone but
 * `opened`, which comes from the PR itself. A PR whose first readiness change is "ready for
 * review" was opened as a draft.
 */
export function flowFromTimeline(
  repo: string,
  pr: { number: number; created_at: string; draft?: boolean; merged_at: string | null; user: User },
  items: readonly TimelineItem[],
): FlowEvent[] {
  const events: FlowEvent[] = [];
  const firstReadiness = items.find((i) => i.event === "ready_for_review" || i.event === "convert_to_draft");
  const openedAsDraft = firstReadiness ? firstReadiness.event === "ready_for_review" : pr.draft === true;
  const base = { repo, pullNumber: pr.number };
  const user = (u: User) => ({ actor: u?.login ?? null, actorIsBot: isBotLogin(u?.login ?? null, u?.type) });
  events.push({
    ...base,
    id: `${repo}#${pr.number}:opened`,
    kind: "opened",
    at: Date.parse(pr.created_at),
    ...user(pr.user),
    detail: openedAsDraft ? "draft" : null,
  });
  items.forEach((item, index) => {
    const kind = KINDS[item.event ?? ""];
    if (!kind) return;
    // GitHub lists a merge as "merged" and then "closed": the close is the same moment.
    if (kind === "closed" && pr.merged_at !== null) return;
    const comment = item.comments?.[0];
    const time = item.submitted_at ?? item.created_at ?? item.committer?.date ?? comment?.created_at;
    if (!time) return;
    const who = kind === "review_comment" ? comment?.user : (item.user ?? item.actor);
    const requested = item.requested_team
      ? `team:${item.requested_team.slug}`
      : (item.requested_reviewer?.login ?? null);
    events.push({
      ...base,
      id: `${repo}#${pr.number}:${item.node_id ?? item.id ?? index}:${index}`,
      kind,
      at: Date.parse(time),
      ...user(who),
      detail:
        kind === "review"
          ? (item.state?.toLowerCase() ?? null)
          : kind === "review_requested"
            ? requested
            : item.event === "head_ref_force_pushed"
              ? "forced"
              : null,
    });
  });
  return events;
}
