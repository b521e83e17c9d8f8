import type { PoolClient } from "pg";
import { decideAcceptance, decideRedelivery } from "./decide-acceptance.ts";
import { insertPgJob } from "./insert-pg-job.ts";
import { jobKey } from "./job-key.ts";
import { type JobRow, toPrJobView } from "./job-rows.ts";
import type { AcceptedJob, AcceptResult, Delivery, JobRequest, JobState } from "./job-store.ts";
import { LOCK_NAMESPACE } from "./migrate-pg.ts";

/**
 * The PostgreSQL store's `accept`, inside the caller's transaction: records the delivery, then
 * carries out `decideRedelivery` or, under an advisory lock on each request's PR, `decideAcceptance`.
 */
export async function acceptPgDelivery(
  client: PoolClient,
  delivery: Delivery,
  requests: readonly JobRequest[],
  now: number,
): Promise<AcceptResult> {
  // The webhook is acked once this resolves: the commit must be on disk by then.
  await client.query("SET LOCAL synchronous_commit = on");
  const inserted = await client.query(
    "INSERT INTO deliveries (id, event, received_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
    [delivery.id, delivery.event, now],
  );
  if (inserted.rowCount === 0) return redelivered(client, delivery.id, now);
  // Locks in a fixed order, so two deliveries about the same PRs never deadlock.
  const keys = [...new Set(requests.map(jobKey))].sort();
  for (const key of keys) {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_NAMESPACE.pullRequest, key]);
  }
  const jobs: AcceptedJob[] = [];
  for (const request of requests) jobs.push(await acceptOne(client, delivery.id, request, now));
  return { kind: "accepted", jobs };
}

async function redelivered(client: PoolClient, deliveryId: string, now: number): Promise<AcceptResult> {
  const { rows } = await client.query("SELECT id, state FROM jobs WHERE delivery_id = $1 FOR UPDATE", [
    deliveryId,
  ]);
  if (decideRedelivery(rows.map((row) => String(row.state) as JobState)) === "duplicate") {
    return { kind: "duplicate" };
  }
  await client.query(
    `UPDATE jobs SET state = 'queued', attempts = 0, check_run_id = NULL, available_at = $1, updated_at = $1
     WHERE delivery_id = $2`,
    [now, deliveryId],
  );
  return { kind: "retried", jobIds: rows.map((row) => Number(row.id)) };
}

async function acceptOne(
  client: PoolClient,
  deliveryId: string,
  request: JobRequest,
  now: number,
): Promise<AcceptedJob> {
  const prKey = jobKey(request);
  const { rows } = await client.query<JobRow>(
    `SELECT id, head_sha, head_seen_at, state, superseded, merged_into, outcome, check_run_id
     FROM jobs WHERE pr_key = $1 ORDER BY id FOR UPDATE`,
    [prKey],
  );
  const plan = decideAcceptance(request, rows.map(toPrJobView));
  const id = await insertPgJob(client, deliveryId, prKey, request, plan.insert, now);
  if (plan.end.length > 0) {
    await client.query(
      "UPDATE jobs SET state = 'superseded', last_error = $1, updated_at = $2 WHERE id = ANY($3)",
      [`superseded by job ${id} for a newer head`, now, plan.end],
    );
  }
  if (plan.flag.length > 0) {
    // Due now rather than after its retry delay: it must close its check run.
    await client.query(
      "UPDATE jobs SET superseded = TRUE, available_at = LEAST(available_at, $1), updated_at = $1 WHERE id = ANY($2)",
      [now, plan.flag],
    );
  }
  return { id, status: plan.status, supersedes: [...plan.end, ...plan.flag].sort((a, b) => a - b) };
}
