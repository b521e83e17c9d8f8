import { randomUUID } from "node:crypto";
import type { DatabaseSync } from "node:sqlite";
import { openSqliteDatabase } from "../sqlite/open-sqlite-database.ts";
import { SqliteStatements } from "../sqlite/sqlite-statements.ts";
import { acceptSqliteDelivery } from "./accept-sqlite-delivery.ts";
import { toQueueStats, toStoredJob } from "./job-rows.ts";
// One namespace for the contract's types, the same the PostgreSQL store implements.
import type * as Queue from "./job-store.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { SqliteRecoveryLedger } from "./sqlite-recovery-ledger.ts";
import { WalSync } from "./wal-sync.ts";

const DEFAULT_LEASE_MS = 15_000;
const FILE_NAME = "pr-triage.sqlite";

/**
 * Opens (creating if needed) the job store in `dataDir`. An accepted delivery is fsynced before
 * `accept` resolves, so what the webhook was acked for survives kill -9 and power loss.
 * One process per DATA_DIR: at start it takes over every job left running.
 */
export function openSqliteJobStore(dataDir: string, leaseMs = DEFAULT_LEASE_MS): SqliteJobStore {
  // `accept` fsyncs the WAL itself, off the event loop (node:sqlite's own fsync would block
  // every other request); `housekeep` does the checkpoints.
  return openSqliteDatabase({
    dir: dataDir,
    fileName: FILE_NAME,
    what: "the job store",
    fix: "Set DATA_DIR to a writable directory (default ./.data) that no other pr-triage process uses.",
    manualCheckpoints: true,
    init: (db, path) => {
      migrateSqlite(db, path);
      return new SqliteJobStore(db, path, leaseMs);
    },
  });
}

export class SqliteJobStore implements Queue.JobStore {
  readonly #db: DatabaseSync;
  readonly #owner = `sqlite-${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly leaseMs: number;
  /** The missed-delivery recovery's records, in the same file. */
  readonly ledger: SqliteRecoveryLedger;
  readonly #sql: SqliteStatements;
  readonly #wal: WalSync;
  /** The database file; its write-ahead log sits beside it. */
  readonly path: string;

  constructor(db: DatabaseSync, path: string, leaseMs: number) {
    this.#db = db;
    this.path = path;
    this.leaseMs = leaseMs;
    this.ledger = new SqliteRecoveryLedger(db);
    this.#sql = new SqliteStatements(db);
    this.#wal = new WalSync(path);
  }

  async accept(
    delivery: Queue.Delivery,
    requests: readonly Queue.JobRequest[],
    now: number,
  ): Promise<Queue.AcceptResult> {
    const result = this.#sql.transaction(() => acceptSqliteDelivery(this.#sql, delivery, requests, now));
    await this.#wal.sync();
    return result;
  }

  async claim(now: number): Promise<Queue.StoredJob | undefined> {
    const row = this.#sql.get(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, updated_at = ?
       WHERE id = (
         SELECT j.id FROM jobs j
         WHERE j.state = 'queued' AND j.available_at <= ?
           AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.pr_key = j.pr_key AND r.state = 'running')
         ORDER BY j.available_at, j.id LIMIT 1)
       RETURNING *`,
      this.#owner,
      now + this.leaseMs,
      now,
      now,
    );
    return row ? toStoredJob(row) : undefined;
  }

  async get(id: number): Promise<Queue.StoredJob | undefined> {
    const row = this.#sql.get("SELECT * FROM jobs WHERE id = ?", id);
    return row ? toStoredJob(row) : undefined;
  }

  async recordCheckRun(id: number, checkRunId: number, now: number): Promise<void> {
    this.#sql.run("UPDATE jobs SET check_run_id = ?, updated_at = ? WHERE id = ?", checkRunId, now, id);
  }

  // A running job is changed only by its lease owner: one that lost its lease must not
  // overwrite what the process that took the job over records.
  async finish(id: number, state: Queue.FinalState, note: string, now: number): Promise<void> {
    this.#sql.run(
      `UPDATE jobs SET state = ?, outcome = ?, last_error = CASE WHEN ? = 'done' THEN last_error ELSE ? END,
         lease_owner = NULL, updated_at = ? WHERE id = ? AND (state <> 'running' OR lease_owner = ?)`,
      state,
      state === "done" ? note : state,
      state,
      note,
      now,
      id,
      this.#owner,
    );
  }

  async retryAt(id: number, availableAt: number, reason: string, now: number): Promise<void> {
    this.#sql.run(
      `UPDATE jobs SET state = 'queued', available_at = ?, last_error = ?, lease_owner = NULL, updated_at = ?
       WHERE id = ? AND (state <> 'running' OR lease_owner = ?)`,
      availableAt,
      reason,
      now,
      id,
      this.#owner,
    );
  }

  async release(id: number, now: number): Promise<void> {
    this.#sql.run(
      `UPDATE jobs SET state = 'queued', attempts = MAX(attempts - 1, 0), available_at = ?, lease_owner = NULL,
         updated_at = ? WHERE id = ? AND state = 'running' AND lease_owner = ?`,
      now,
      now,
      id,
      this.#owner,
    );
  }

  async renew(ids: readonly number[], now: number): Promise<number> {
    let held = 0;
    for (const id of ids) {
      held += this.#sql.run(
        "UPDATE jobs SET lease_until = ? WHERE id = ? AND state = 'running' AND lease_owner = ?",
        now + this.leaseMs,
        id,
        this.#owner,
      );
    }
    return held;
  }

  async recover(now: number): Promise<number> {
    return this.#sql.run(
      `UPDATE jobs SET state = 'queued', lease_owner = NULL, available_at = ?, updated_at = ?
       WHERE state = 'running' AND lease_owner IS NOT ?`,
      now,
      now,
      this.#owner,
    );
  }

  async health(): Promise<Queue.StoreHealth> {
    const row = this.#sql.get(
      `SELECT COALESCE(SUM(lease_owner = ?), 0) AS held, COALESCE(SUM(lease_owner IS NOT ?), 0) AS elsewhere
       FROM jobs WHERE state = 'running'`,
      this.#owner,
      this.#owner,
    );
    // One process per DATA_DIR: a job running under another owner is a dead process's.
    const elsewhere = Number(row?.elsewhere ?? 0);
    return {
      kind: "sqlite",
      ready: true,
      lease: { owner: this.#owner, ms: this.leaseMs, held: Number(row?.held ?? 0) },
      elsewhere: { running: elsewhere, expired: elsewhere },
    };
  }

  async nextDueAt(): Promise<number | undefined> {
    const row = this.#sql.get(
      `SELECT MIN(j.available_at) AS due FROM jobs j
       WHERE j.state = 'queued'
         AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.pr_key = j.pr_key AND r.state = 'running')`,
    );
    return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
  }

  async stats(_now: number): Promise<Queue.QueueStats> {
    const row = this.#sql.get(
      `SELECT
         COALESCE(SUM(state = 'queued'), 0) AS queued,
         COALESCE(SUM(state = 'running'), 0) AS running,
         COALESCE(SUM(state = 'queued' AND attempts > 0), 0) AS retrying,
         COALESCE(SUM(state = 'failed'), 0) AS failed
       FROM jobs WHERE state IN ('queued', 'running', 'failed')`,
    );
    return toQueueStats(row);
  }

  async prune(before: number): Promise<number> {
    return this.#sql.transaction(() => {
      const jobs = this.#sql.run(
        "DELETE FROM jobs WHERE state IN ('done', 'failed', 'superseded') AND updated_at < ?",
        before,
      );
      this.#sql.run(
        `DELETE FROM deliveries WHERE received_at < ?
           AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.delivery_id = deliveries.id)`,
        before,
      );
      return jobs;
    });
  }

  async housekeep(): Promise<void> {
    this.#db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  }

  async close(): Promise<void> {
    await this.#wal.close();
    if (this.#db.isOpen) this.#db.close();
  }
}
