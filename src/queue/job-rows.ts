import type { AcceptancePlan, PrJobView } from "./decide-acceptance.ts";
import type { JobRequest, JobState, QueueStats, StoredJob } from "./job-store.ts";

/**
 * A `jobs` row as either store's driver returns it: SQLite gives integers and 0/1, PostgreSQL
 * gives BIGINT as strings and booleans, so every column is converted, never cast.
 */
export type JobRow = Record<string, unknown>;

export function toPrJobView(row: JobRow): PrJobView {
  return {
    id: Number(row.id),
    headSha: row.head_sha === null ? null : String(row.head_sha),
    headSeenAt: row.head_seen_at === null ? null : String(row.head_seen_at),
    state: String(row.state) as JobState,
    superseded: Number(row.superseded) === 1,
    mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    outcome: row.outcome === null ? null : String(row.outcome),
    checkRunId: row.check_run_id === null ? null : Number(row.check_run_id),
  };
}

export function toStoredJob(row: JobRow): StoredJob {
  const login = row.requested_by === null ? null : String(row.requested_by);
  return {
    id: Number(row.id),
    deliveryId: String(row.delivery_id),
    installationId: Number(row.installation_id),
    owner: String(row.owner),
    repo: String(row.repo),
    pullNumber: Number(row.pull_number),
    headSha: row.head_sha === null ? null : String(row.head_sha),
    headSeenAt: row.head_seen_at === null ? null : String(row.head_seen_at),
    trigger: String(row.trigger) as StoredJob["trigger"],
    requestedBy: login === null ? null : { login, commentId: Number(row.comment_id) },
    state: String(row.state) as JobState,
    attempts: Number(row.attempts),
    superseded: Number(row.superseded) === 1,
    checkRunId: row.check_run_id === null ? null : Number(row.check_run_id),
    lastError: row.last_error === null ? null : String(row.last_error),
    outcome: row.outcome === null ? null : String(row.outcome),
  };
}

/** The columns a new job is inserted with, in both stores; `jobInsertValues` gives them in order. */
export const JOB_INSERT_COLUMNS =
  "delivery_id, installation_id, owner, repo, pull_number, pr_key, head_sha, head_seen_at, trigger, requested_by, comment_id, state, merged_into, available_at, outcome, last_error, created_at, updated_at";

/** A new job's values for {@link JOB_INSERT_COLUMNS}, as an acceptance plan asks. */
export function jobInsertValues(
  deliveryId: string,
  prKey: string,
  request: JobRequest,
  insert: AcceptancePlan["insert"],
  now: number,
): (string | number | null)[] {
  return [
    deliveryId,
    request.installationId,
    request.owner,
    request.repo,
    request.pullNumber,
    prKey,
    request.headSha,
    request.headSeenAt,
    request.trigger,
    request.requestedBy?.login ?? null,
    request.requestedBy?.commentId ?? null,
    insert.state,
    insert.mergedInto,
    now,
    insert.state === "done" ? "merged" : null,
    insert.note,
    now,
    now,
  ];
}

/** The queue's counts from one aggregate row (drivers return counts as strings or bigints). */
export function toQueueStats(row: Record<string, unknown> | undefined): QueueStats {
  return {
    queued: Number(row?.queued ?? 0),
    running: Number(row?.running ?? 0),
    retrying: Number(row?.retrying ?? 0),
    failed: Number(row?.failed ?? 0),
  };
}
