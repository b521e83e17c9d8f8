import type { FlowEvent, FlowPull } from "./flow-event.ts";
import type { RuleFeedback } from "./rule-precision.ts";
import type { CommentFeedback, TriageRecord } from "./triage-record.ts";

/** A thread on one of the app's inline comments was resolved or reopened. */
export interface ThreadResolution {
  repo: string;
  pullNumber: number;
  /** The app's comments in the thread: their ids and fingerprints. */
  comments: { commentId: number; fingerprint: string }[];
  resolved: boolean;
  at: number;
}

/** Everything the figures are computed from, for one period. */
export interface AnalyticsSnapshot {
  pulls: FlowPull[];
  events: FlowEvent[];
  triages: TriageRecord[];
  feedback: RuleFeedback[];
}

/**
 * Where review-flow analytics are kept. Every write is idempotent: a replayed delivery or a
 * re-run job records nothing twice. SQL lives in the implementations only: SQLite in DATA_DIR
 * (sqlite-analytics-store.ts), or PostgreSQL beside the jobs when DATABASE_URL is set
 * (pg-analytics-store.ts); both pass test/analytics/analytics-store.contract.ts.
 */
export interface AnalyticsStore {
  /** Records one PR event; false when its id was already recorded. */
  recordEvent(pull: FlowPull, event: FlowEvent): Promise<boolean>;
  recordTriage(record: TriageRecord): Promise<void>;
  /** The latest reactions and outdated state of the app's inline comments. */
  recordFeedback(feedback: readonly CommentFeedback[]): Promise<void>;
  recordThreadResolution(resolution: ThreadResolution): Promise<void>;
  /** Events, triages and feedback since `since` (epoch ms), with the PRs they belong to. */
  load(since: number): Promise<AnalyticsSnapshot>;
  /** Upkeep (SQLite: the WAL checkpoint), skipped while webhooks are arriving. */
  housekeep(now: number): Promise<void>;
  /** Deletes everything older than `before`; returns how many rows went. */
  prune(before: number): Promise<number>;
  close(): void;
}
