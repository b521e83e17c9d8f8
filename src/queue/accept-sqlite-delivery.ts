import type { SqliteStatements } from "../sqlite/sqlite-statements.ts";
import { type AcceptancePlan, decideAcceptance, decideRedelivery } from "./decide-acceptance.ts";
import { jobKey } from "./job-key.ts";
import { JOB_INSERT_COLUMNS, jobInsertValues, toPrJobView } from "./job-rows.ts";
import type { AcceptedJob, AcceptResult, Delivery, JobRequest, JobState } from "./job-store.ts";

/**
 * The SQLite store's `accept`, inside the caller's write transaction (which holds the whole
 * database, so every PR's jobs are locked while the rules read them): records the delivery, then
 * carries out `decideRedelivery` or, per request, `decideAcceptance`.
 */
export function acceptSqliteDelivery(
  sql: SqliteStatements,
  delivery: Delivery,
  requests: readonly JobRequest[],
  now: number,
): AcceptResult {
  const inserted = sql.run(
    "INSERT INTO deliveries (id, event, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
    delivery.id,
    delivery.event,
    now,
  );
  if (inserted === 0) return redelivered(sql, delivery.id, now);
  return {
    kind: "accepted",
    jobs: requests.map((request) => acceptOne(sql, delivery.id, request, now)),
  };
}

function redelivered(sql: SqliteStatements, deliveryId: string, now: number): AcceptResult {
  const jobs = sql.all("SELECT id, state FROM jobs WHERE delivery_id = ?", deliveryId);
  if (decideRedelivery(jobs.map((job) => String(job.state) as JobState)) === "duplicate") {
    return { kind: "duplicate" };
  }
  // A fresh check run too: the old one was completed as failed.
  sql.run(
    `UPDATE jobs SET state = 'queued', attempts = 0, check_run_id = NULL, available_at = ?, updated_at = ?
     WHERE delivery_id = ?`,
    now,
    now,
    deliveryId,
  );
  return { kind: "retried", jobIds: jobs.map((job) => Number(job.id)) };
}

function acceptOne(sql: SqliteStatements, deliveryId: string, request: JobRequest, now: number): AcceptedJob {
  const prKey = jobKey(request);
  const prJobs = sql
    .all(
      `SELECT id, head_sha, head_seen_at, state, superseded, merged_into, outcome, check_run_id
     FROM jobs WHERE pr_key = ? ORDER BY id`,
      prKey,
    )
    .map(toPrJobView);
  const plan = decideAcceptance(request, prJobs);
  const id = insertJob(sql, deliveryId, prKey, request, plan.insert, now);
  applySupersede(sql, plan, id, now);
  return { id, status: plan.status, supersedes: [...plan.end, ...plan.flag].sort((a, b) => a - b) };
}

function insertJob(
  sql: SqliteStatements,
  deliveryId: string,
  prKey: string,
  request: JobRequest,
  insert: AcceptancePlan["insert"],
  now: number,
): number {
  const values = jobInsertValues(deliveryId, prKey, request, insert, now);
  const placeholders = values.map(() => "?").join(", ");
  return Number(
    sql.get(`INSERT INTO jobs (${JOB_INSERT_COLUMNS}) VALUES (${placeholders}) RETURNING id`, ...values)?.id,
  );
}

function applySupersede(sql: SqliteStatements, plan: AcceptancePlan, newId: number, now: number): void {
  for (const id of plan.end) {
    sql.run(
      "UPDATE jobs SET state = 'superseded', last_error = ?, updated_at = ? WHERE id = ?",
      `superseded by job ${newId} for a newer head`,
      now,
      id,
    );
  }
  for (const id of plan.flag) {
    // Due now rather than after its retry delay: it must close its check run.
    sql.run(
      "UPDATE jobs SET superseded = 1, available_at = MIN(available_at, ?), updated_at = ? WHERE id = ?",
      now,
      now,
      id,
    );
  }
}
