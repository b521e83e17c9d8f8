import type { RiskLevel } from "../config/config-schema.ts";

export type AuthorKind = "agent" | "human";

/** One completed triage, as analytics keeps it: levels, logins and counts, no findings text. */
export interface TriageRecord {
  /** The delivery whose job ran it: with the head, what makes a replayed record a duplicate. */
  deliveryId: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  level: RiskLevel;
  score: number;
  /** From the agent-provenance analyzer: agent-written (login, trailer or branch) or not. */
  authorKind: AuthorKind;
  /** Reviewers the app asked for: user logins, and teams as `team:slug`. */
  routed: string[];
  tokens: { input: number; cached: number; output: number };
  costUsd: number | null;
  /** When the delivery that caused it was accepted, and when the check run was completed. */
  eventAt: number;
  completedAt: number;
  /** The inline comments this triage posted: fingerprint → rule, for per-rule precision. */
  posted: { fingerprint: string; ruleId: string }[];
  /** Findings a maintainer said are not a problem (`/triage ignore`): false positives of their rule. */
  ignored?: { fingerprint: string; ruleId: string }[];
}

/**
 * What people did with one of the app's inline comments. Reactions have no webhook, so 👍/👎 and
 * "addressed" are read from GitHub's listing of the PR's review comments when the next triage runs;
 * "resolved" comes from `pull_request_review_thread` events.
 */
export interface CommentFeedback {
  commentId: number;
  repo: string;
  pullNumber: number;
  fingerprint: string;
  thumbsUp: number;
  thumbsDown: number;
  /** A later push changed the commented lines: GitHub marks the comment outdated (`line: null`). */
  addressed: boolean;
  at: number;
}
