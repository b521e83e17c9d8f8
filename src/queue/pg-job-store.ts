import { randomUUID } from "node:crypto";
import { DatabaseError, Pool } from "pg";
import { errorMessage } from "../errors/error-message.ts";
import { acceptPgDelivery } from "./accept-pg-delivery.ts";
import { type JobRow, toQueueStats, toStoredJob } from "./job-rows.ts";
import type {
  AcceptResult,
  Delivery,
  FinalState,
  JobRequest,
  JobStore,
  QueueStats,
  StoredJob,
  StoreHealth,
} from "./job-store.ts";
import { migratePg } from "./migrate-pg.ts";
import { withPgTransaction } from "./with-pg-transaction.ts";

export interface PgStoreOptions {
  /** `postgres://user:password@host:5432/database` (`DATABASE_URL`). */
  url: string;
  leaseMs: number;
  /** Pooled connections per process (`DATABASE_POOL_SIZE`). */
  poolSize: number;
  /** Schema steps of the stores sharing this database, after the queue's own (see `migratePg`). */
  migrations?: readonly string[];
}

/** A claim that lost the race for a PR to another replica is tried again this many times. */
const CLAIM_RACE_RETRIES = 5;

/**
 * The job store shared by several replicas. `accept` commits synchronously, so
 * `accept` resolves only once the delivery is durable. Each PR's acceptance runs under an
 * advisory lock on the PR; claims take rows with `FOR UPDATE SKIP LOCKED`, and a partial unique
 * index refuses a second running job for one PR. Migrations start at once; every call waits
 * for them (`ready`).
 */
export class PgJobStore implements JobStore {
  readonly pool: Pool;
  readonly leaseMs: number;
  readonly ready: Promise<void>;
  readonly #owner = `pg-${process.pid}-${randomUUID().slice(0, 8)}`;
  #migrated = false;

  constructor(options: PgStoreOptions) {
    // Durability as in the SQLite store: only `accept` waits for its commit to reach the disk
    // (it turns synchronous_commit back on). A claim or result lost to a database crash within
    // the last fraction of a second only means a job runs again, and publishing is idempotent.
    this.pool = new Pool({
      connectionString: options.url,
      max: options.poolSize,
      options: "-c synchronous_commit=off",
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on("error", () => undefined);
    this.leaseMs = options.leaseMs;
    this.ready = migratePg(this.pool, options.migrations).then(
      () => {
        this.#migrated = true;
      },
      (error: unknown) => {
        throw new Error(
          `Cannot prepare the PostgreSQL job store: ${errorMessage(error)}. ` +
            "Check DATABASE_URL (postgres://user:password@host:5432/database) and that the user may create tables.",
        );
      },
    );
    // Callers see the failure through `ready` or their own calls, never as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  async accept(delivery: Delivery, requests: readonly JobRequest[], now: number): Promise<AcceptResult> {
    await this.ready;
    return withPgTransaction(this.pool, (client) => acceptPgDelivery(client, delivery, requests, now));
  }

  async claim(now: number): Promise<StoredJob | undefined> {
    await this.ready;
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.pool.query<JobRow>(
          `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $1, lease_until = $2, updated_at = $3
           WHERE id = (
             SELECT j.id FROM jobs j
             WHERE j.state = 'queued' AND j.available_at <= $3
               AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.pr_key = j.pr_key AND r.state = 'running')
             ORDER BY j.available_at, j.id
             LIMIT 1 FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [this.#owner, now + this.leaseMs, now],
        );
        return rows[0] ? toStoredJob(rows[0]) : undefined;
      } catch (error) {
        // Another replica started a job for the same PR between our check and our update.
        const raced = error instanceof DatabaseError && error.constraint === "jobs_one_running_per_pr";
        if (!raced || attempt >= CLAIM_RACE_RETRIES) throw error;
      }
    }
  }

  async get(id: number): Promise<StoredJob | undefined> {
    const row = await this.#one("SELECT * FROM jobs WHERE id = $1", [id]);
    return row ? toStoredJob(row) : undefined;
  }

  async recordCheckRun(id: number, checkRunId: number, now: number): Promise<void> {
    await this.#run("UPDATE jobs SET check_run_id = $1, updated_at = $2 WHERE id = $3", [
      checkRunId,
      now,
      id,
    ]);
  }

  // A running job is changed only by its lease owner: a replica that lost its lease must not
  // overwrite what the replica that took the job over records.
  async finish(id: number, state: FinalState, note: string, now: number): Promise<void> {
    await this.#run(
      `UPDATE jobs SET state = $1, outcome = $2, last_error = CASE WHEN $1 = 'done' THEN last_error ELSE $3 END,
         lease_owner = NULL, updated_at = $4 WHERE id = $5 AND (state <> 'running' OR lease_owner = $6)`,
      [state, state === "done" ? note : state, note, now, id, this.#owner],
    );
  }

  async retryAt(id: number, availableAt: number, reason: string, now: number): Promise<void> {
    await this.#run(
      `UPDATE jobs SET state = 'queued', available_at = $1, last_error = $2, lease_owner = NULL, updated_at = $3
       WHERE id = $4 AND (state <> 'running' OR lease_owner = $5)`,
      [availableAt, reason, now, id, this.#owner],
    );
  }

  async release(id: number, now: number): Promise<void> {
    await this.#run(
      `UPDATE jobs SET state = 'queued', attempts = GREATEST(attempts - 1, 0), available_at = $1, lease_owner = NULL,
         updated_at = $1 WHERE id = $2 AND state = 'running' AND lease_owner = $3`,
      [now, id, this.#owner],
    );
  }

  async renew(ids: readonly number[], now: number): Promise<number> {
    if (ids.length === 0) return 0;
    return this.#run(
      "UPDATE jobs SET lease_until = $1 WHERE id = ANY($2) AND state = 'running' AND lease_owner = $3",
      [now + this.leaseMs, [...ids], this.#owner],
    );
  }

  async recover(now: number): Promise<number> {
    return this.#run(
      `UPDATE jobs SET state = 'queued', lease_owner = NULL, available_at = $1, updated_at = $1
       WHERE state = 'running' AND lease_until <= $1`,
      [now],
    );
  }

  async nextDueAt(): Promise<number | undefined> {
    // The first in due order rather than MIN(): it stops at the first unblocked row of the index
    // instead of checking every queued job for a running sibling.
    const row = await this.#one(
      `SELECT j.available_at AS due FROM jobs j
       WHERE j.state = 'queued'
         AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.pr_key = j.pr_key AND r.state = 'running')
       ORDER BY j.state, j.available_at, j.id LIMIT 1`,
    );
    return row?.due === undefined ? undefined : Number(row.due);
  }

  async stats(_now: number): Promise<QueueStats> {
    const row = await this.#one(
      `SELECT count(*) FILTER (WHERE state = 'queued') AS queued,
              count(*) FILTER (WHERE state = 'running') AS running,
              count(*) FILTER (WHERE state = 'queued' AND attempts > 0) AS retrying,
              count(*) FILTER (WHERE state = 'failed') AS failed
       FROM jobs WHERE state IN ('queued', 'running', 'failed')`,
    );
    return toQueueStats(row);
  }

  async prune(before: number): Promise<number> {
    await this.ready;
    return withPgTransaction(this.pool, async (client) => {
      const jobs = await client.query(
        "DELETE FROM jobs WHERE state IN ('done', 'failed', 'superseded') AND updated_at < $1",
        [before],
      );
      await client.query(
        `DELETE FROM deliveries d WHERE received_at < $1
           AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.delivery_id = d.id)`,
        [before],
      );
      await client.query("DELETE FROM redeliveries WHERE redelivered_at < $1", [before]);
      return jobs.rowCount ?? 0;
    });
  }

  /** PostgreSQL's autovacuum does the upkeep. */
  async housekeep(): Promise<void> {}

  async health(): Promise<StoreHealth> {
    const lease = { owner: this.#owner, ms: this.leaseMs, held: 0 };
    if (!this.#migrated)
      return { kind: "postgres", ready: false, lease, elsewhere: { running: 0, expired: 0 } };
    const row = await this.#one(
      `SELECT count(*) FILTER (WHERE lease_owner = $1) AS held,
              count(*) FILTER (WHERE lease_owner IS DISTINCT FROM $1) AS elsewhere,
              count(*) FILTER (WHERE lease_owner IS DISTINCT FROM $1 AND lease_until <= $2) AS expired
       FROM jobs WHERE state = 'running'`,
      [this.#owner, Date.now()],
    );
    return {
      kind: "postgres",
      ready: true,
      lease: { ...lease, held: Number(row?.held ?? 0) },
      elsewhere: { running: Number(row?.elsewhere ?? 0), expired: Number(row?.expired ?? 0) },
    };
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }

  async #run(sql: string, params: unknown[]): Promise<number> {
    await this.ready;
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  async #one(sql: string, params: unknown[] = []): Promise<JobRow | undefined> {
    await this.ready;
    return (await this.pool.query<JobRow>(sql, params)).rows[0];
  }
}
