import type { SQLInputValue } from "node:sqlite";
import type { RiskLevel } from "../config/config-schema.ts";
import type { AnalyticsSnapshot } from "./analytics-store.ts";
import type { FlowEvent, FlowEventKind, FlowPull } from "./flow-event.ts";
import type { RuleFeedback } from "./rule-precision.ts";
import type { AuthorKind, CommentFeedback, TriageRecord } from "./triage-record.ts";

/**
 * A row as node:sqlite or `pg` returns it (`pg` gives BIGINT as a string: mappers take `Number()`);
 * the SQL that produces these stays in sqlite-analytics-store.ts and pg-analytics-store.ts.
 */
export type Row = Record<string, SQLInputValue>;

const text = (value: SQLInputValue | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

export function toPull(row: Row): FlowPull {
  return {
    repo: String(row.repo),
    pullNumber: Number(row.pull_number),
    author: String(row.author),
    title: String(row.title),
  };
}

export function toEvent(row: Row): FlowEvent {
  return {
    id: String(row.id),
    repo: String(row.repo),
    pullNumber: Number(row.pull_number),
    kind: String(row.kind) as FlowEventKind,
    at: Number(row.at),
    actor: text(row.actor),
    actorIsBot: row.actor_is_bot === 1,
    detail: text(row.detail),
  };
}

export function toTriage(row: Row): TriageRecord {
  return {
    deliveryId: String(row.delivery_id),
    repo: String(row.repo),
    pullNumber: Number(row.pull_number),
    headSha: String(row.head_sha),
    level: String(row.level) as RiskLevel,
    score: Number(row.score),
    authorKind: String(row.author_kind) as AuthorKind,
    routed: JSON.parse(String(row.routed)) as string[],
    tokens: {
      input: Number(row.input_tokens),
      cached: Number(row.cached_tokens),
      output: Number(row.output_tokens),
    },
    costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
    eventAt: Number(row.event_at),
    completedAt: Number(row.completed_at),
    posted: [],
  };
}

/** A `/triage ignore` of a finding, as feedback on its rule (no comment of its own). */
export function toIgnoredFeedback(row: Row): RuleFeedback {
  return {
    ruleId: String(row.rule_id),
    repo: String(row.repo),
    commentId: 0,
    thumbsUp: 0,
    thumbsDown: 0,
    addressed: false,
    resolved: false,
    ignored: true,
    at: Number(row.at),
  };
}

export function toFeedback(row: Row): RuleFeedback {
  return {
    ruleId: String(row.rule_id),
    repo: String(row.repo),
    commentId: Number(row.comment_id),
    thumbsUp: Number(row.thumbs_up),
    thumbsDown: Number(row.thumbs_down),
    addressed: row.addressed === 1,
    resolved: row.resolved === 1,
    at: Number(row.at),
  };
}

/**
 * The other direction: a record's values in the column order both stores' INSERTs name, so the
 * SQLite and PostgreSQL stores differ only in their SQL dialect.
 */
export function triageValues(t: TriageRecord): (string | number | null)[] {
  return [
    t.deliveryId,
    t.headSha,
    t.repo,
    t.pullNumber,
    t.level,
    t.score,
    t.authorKind,
    JSON.stringify(t.routed),
    t.tokens.input,
    t.tokens.cached,
    t.tokens.output,
    t.costUsd,
    t.eventAt,
    t.completedAt,
  ];
}

/** Columns: comment_id, repo, pull_number, fingerprint, thumbs_up, thumbs_down, addressed, at. */
export function feedbackValues(f: CommentFeedback): (string | number)[] {
  return [
    f.commentId,
    f.repo,
    f.pullNumber,
    f.fingerprint,
    f.thumbsUp,
    f.thumbsDown,
    f.addressed ? 1 : 0,
    f.at,
  ];
}

/** An event's insert values, in the column order both stores' INSERT names. */
export function eventValues(e: FlowEvent): (string | number | null)[] {
  return [e.id, e.repo, e.pullNumber, e.kind, e.at, e.actor, e.actorIsBot ? 1 : 0, e.detail];
}

/** The rows a snapshot load reads, one list per query, in the store's order. */
export interface SnapshotRows {
  pulls: Row[];
  events: Row[];
  triages: Row[];
  feedback: Row[];
  ignored: Row[];
}

/** One snapshot from the rows, the same for both stores. */
export function toSnapshot(rows: SnapshotRows): AnalyticsSnapshot {
  return {
    pulls: rows.pulls.map(toPull),
    events: rows.events.map(toEvent),
    triages: rows.triages.map(toTriage),
    feedback: [...rows.feedback.map(toFeedback), ...rows.ignored.map(toIgnoredFeedback)],
  };
}
