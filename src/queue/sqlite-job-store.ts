import { randomUUID } from "node:crypto";
import { type FileHandle, open } from "node:fs/promises";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { openSqliteDatabase } from "../sqlite/open-sqlite-database.ts";
import { type AcceptancePlan, decideAcceptance, decideRedelivery } from "./decide-acceptance.ts";
import { jobKey } from "./job-key.ts";
import { JOB_INSERT_COLUMNS, jobInsertValues, toPrJobView, toStoredJob } from "./job-rows.ts";
import type {
  AcceptedJob,
  AcceptResult,
  Delivery,
  FinalState,
  JobRequest,
  JobState,
  JobStore,
  QueueStats,
  StoredJob,
  StoreHealth,
} from "./job-store.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { SqliteRecoveryLedger } from "./sqlite-recovery-ledger.ts";

const DEFAULT_LEASE_MS = 15_000;
const FILE_NAME = "pr-triage.sqlite";

type Row = Record<string, SQLInputValue>;

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

export class SqliteJobStore implements JobStore {
  readonly #db: DatabaseSync;
  readonly #owner = `sqlite-${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly leaseMs: number;
  /** The missed-delivery recovery's records, in the same file. */
  readonly ledger: SqliteRecoveryLedger;
  readonly #statements = new Map<string, StatementSync>();
  #wal: FileHandle | undefined;
  #syncing: Promise<void> | undefined;
  #nextSync: Promise<void> | undefined;
  /** The database file; its write-ahead log sits beside it. */
  readonly path: string;

  constructor(db: DatabaseSync, path: string, leaseMs: number) {
    this.#db = db;
    this.path = path;
    this.leaseMs = leaseMs;
    this.ledger = new SqliteRecoveryLedger(db);
  }

  async accept(delivery: Delivery, requests: readonly JobRequest[], now: number): Promise<AcceptResult> {
    const result = this.#transaction<AcceptResult>(() => {
      const inserted = this.#run(
        "INSERT INTO deliveries (id, event, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
        delivery.id,
        delivery.event,
        now,
      );
      if (inserted === 0) return this.#redelivered(delivery.id, now);
      return {
        kind: "accepted",
        jobs: requests.map((request) => this.#acceptOne(delivery.id, request, now)),
      };
    });
    await this.#syncWal();
    return result;
  }

  /**
   * Group commit: one fsync covers every commit made before it started, so under a burst the
   * acks share a few fsyncs. A commit made while one runs waits for the next.
   */
  #syncWal(): Promise<void> {
    if (!this.#syncing) {
      this.#syncing = this.#fsyncWal().finally(() => {
        this.#syncing = undefined;
      });
      return this.#syncing;
    }
    this.#nextSync ??= this.#syncing.then(() => {
      this.#nextSync = undefined;
      return this.#syncWal();
    });
    return this.#nextSync;
  }

  async #fsyncWal(): Promise<void> {
    // fsync acts on the file, whichever descriptor wrote it; SQLite keeps the WAL while it is open.
    this.#wal ??= await open(`${this.path}-wal`, "r+");
    await this.#wal.datasync();
  }

  #redelivered(deliveryId: string, now: number): AcceptResult {
    const jobs = this.#all("SELECT id, state FROM jobs WHERE delivery_id = ?", deliveryId);
    if (decideRedelivery(jobs.map((job) => String(job.state) as JobState)) === "duplicate") {
      return { kind: "duplicate" };
    }
    // A fresh check run too: the old one was completed as failed.
    this.#run(
      `UPDATE jobs SET state = 'queued', attempts = 0, check_run_id = NULL, available_at = ?, updated_at = ?
       WHERE delivery_id = ?`,
      now,
      now,
      deliveryId,
    );
    return { kind: "retried", jobIds: jobs.map((job) => Number(job.id)) };
  }

  #acceptOne(deliveryId: string, request: JobRequest, now: number): AcceptedJob {
    const prKey = jobKey(request);
    const prJobs = this.#all(
      `SELECT id, head_sha, head_seen_at, state, superseded, merged_into, outcome, check_run_id
       FROM jobs WHERE pr_key = ? ORDER BY id`,
      prKey,
    ).map(toPrJobView);
    const plan = decideAcceptance(request, prJobs);
    const id = this.#insertJob(deliveryId, prKey, request, plan.insert, now);
    this.#applySupersede(plan, id, now);
    return { id, status: plan.status, supersedes: [...plan.end, ...plan.flag].sort((a, b) => a - b) };
  }

  #insertJob(
    deliveryId: string,
    prKey: string,
    request: JobRequest,
    insert: AcceptancePlan["insert"],
    now: number,
  ): number {
    const values = jobInsertValues(deliveryId, prKey, request, insert, now);
    const placeholders = values.map(() => "?").join(", ");
    return Number(
      this.#get(`INSERT INTO jobs (${JOB_INSERT_COLUMNS}) VALUES (${placeholders}) RETURNING id`, ...values)
        ?.id,
    );
  }

  #applySupersede(plan: AcceptancePlan, newId: number, now: number): void {
    for (const id of plan.end) {
      this.#run(
        "UPDATE jobs SET state = 'superseded', last_error = ?, updated_at = ? WHERE id = ?",
        `superseded by job ${newId} for a newer head`,
        now,
        id,
      );
    }
    for (const id of plan.flag) {
      // Due now rather than after its retry delay: it must close its check run.
      this.#run(
        "UPDATE jobs SET superseded = 1, available_at = MIN(available_at, ?), updated_at = ? WHERE id = ?",
        now,
        now,
        id,
      );
    }
  }

  async claim(now: number): Promise<StoredJob | undefined> {
    const row = this.#get(
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

  async get(id: number): Promise<StoredJob | undefined> {
    const row = this.#get("SELECT * FROM jobs WHERE id = ?", id);
    return row ? toStoredJob(row) : undefined;
  }

  async recordCheckRun(id: number, checkRunId: number, now: number): Promise<void> {
    this.#run("UPDATE jobs SET check_run_id = ?, updated_at = ? WHERE id = ?", checkRunId, now, id);
  }

  // A running job is changed only by its lease owner: one that lost its lease must not
  // overwrite what the process that took the job over records.
  async finish(id: number, state: FinalState, note: string, now: number): Promise<void> {
    this.#run(
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
    this.#run(
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
    this.#run(
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
      held += this.#run(
        "UPDATE jobs SET lease_until = ? WHERE id = ? AND state = 'running' AND lease_owner = ?",
        now + this.leaseMs,
        id,
        this.#owner,
      );
    }
    return held;
  }

  async recover(now: number): Promise<number> {
    return this.#run(
      `UPDATE jobs SET state = 'queued', lease_owner = NULL, available_at = ?, updated_at = ?
       WHERE state = 'running' AND lease_owner IS NOT ?`,
      now,
      now,
      this.#owner,
    );
  }

  async health(): Promise<StoreHealth> {
    const row = this.#get(
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
    const row = this.#get(
      `SELECT MIN(j.available_at) AS due FROM jobs j
       WHERE j.state = 'queued'
         AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.pr_key = j.pr_key AND r.state = 'running')`,
    );
    return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
  }

  async stats(_now: number): Promise<QueueStats> {
    const row = this.#get(
      `SELECT
         COALESCE(SUM(state = 'queued'), 0) AS queued,
         COALESCE(SUM(state = 'running'), 0) AS running,
         COALESCE(SUM(state = 'queued' AND attempts > 0), 0) AS retrying,
         COALESCE(SUM(state = 'failed'), 0) AS failed
       FROM jobs WHERE state IN ('queued', 'running', 'failed')`,
    );
    return {
      queued: Number(row?.queued ?? 0),
      running: Number(row?.running ?? 0),
      retrying: Number(row?.retrying ?? 0),
      failed: Number(row?.failed ?? 0),
    };
  }

  async prune(before: number): Promise<number> {
    return this.#transaction(() => {
      const jobs = this.#run(
        "DELETE FROM jobs WHERE state IN ('done', 'failed', 'superseded') AND updated_at < ?",
        before,
      );
      this.#run(
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
    await this.#syncing;
    await this.#nextSync;
    await this.#wal?.close();
    this.#wal = undefined;
    if (this.#db.isOpen) this.#db.close();
  }

  #transaction<T>(work: () => T): T {
    // IMMEDIATE takes the write lock up front, so two writers never interleave read-then-write.
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.#statement(sql).run(...params).changes);
  }

  #get(sql: string, ...params: SQLInputValue[]): Row | undefined {
    return this.#statement(sql).get(...params) as Row | undefined;
  }

  #all(sql: string, ...params: SQLInputValue[]): Row[] {
    return this.#statement(sql).all(...params) as Row[];
  }
}
