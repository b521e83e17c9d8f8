/** What happened to a pull request, as review-flow analytics sees it. */
export const FLOW_EVENT_KINDS = [
  "opened",
  "ready",
  "draft",
  "reopened",
  "closed",
  "merged",
  "push",
  "review_requested",
  "review",
  "review_comment",
  "comment",
] as const;
export type FlowEventKind = (typeof FLOW_EVENT_KINDS)[number];

/**
 * One step in a PR's life. Only ids, timestamps, logins and states: never code or PR text (the
 * title is kept on the PR row, nowhere else).
 */
export interface FlowEvent {
  /** Unique per source (the webhook delivery id, or the timeline node id): a replay is dropped. */
  id: string;
  /** `owner/name`. */
  repo: string;
  pullNumber: number;
  kind: FlowEventKind;
  /** Epoch milliseconds. */
  at: number;
  /** Who did it; null when GitHub does not say (e.g. a push seen only through its commit). */
  actor: string | null;
  actorIsBot: boolean;
  /** A review's state (`approved`, `changes_requested`, `commented`, `dismissed`); `draft` on an `opened` draft. */
  detail: string | null;
}

/** The PR itself: who wrote it (their own comments are not a response) and its title, for links. */
export interface FlowPull {
  repo: string;
  pullNumber: number;
  author: string;
  title: string;
}

/** Response kinds: what counts as a human picking the PR up. */
export const RESPONSE_KINDS: ReadonlySet<FlowEventKind> = new Set(["review", "review_comment", "comment"]);

/** `login[bot]` is how GitHub names App accounts, whatever the payload's `type` says. */
export function isBotLogin(login: string | null, type?: string | null): boolean {
  return type === "Bot" || (login?.endsWith("[bot]") ?? false);
}
