import { mkdirSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { jobKey } from "../triage/triage-job.ts";
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
} from "./job-store.ts";

const SCHEMA_VERSION = 1;
const FILE_NAME = "pr-triage.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  received_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id TEXT NOT NULL,
  installation_id INTEGER NOT NULL,
  owner TEXT NOT NULL,
  repo TEXT NOT NULL,
  pull_number INTEGER NOT NULL,
  pr_key TEXT NOT NULL,
  head_sha TEXT,
  head_seen_at TEXT,
  trigger TEXT NOT NULL,
  requested_by TEXT,
  comment_id INTEGER,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'superseded')),
  superseded INTEGER NOT NULL DEFAULT 0,
  merged_into INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at INTEGER NOT NULL,
  check_run_id INTEGER,
  outcome TEXT,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, available_at, id);
CREATE INDEX IF NOT EXISTS jobs_by_pr ON jobs (pr_key, id);
CREATE INDEX IF NOT EXISTS jobs_by_delivery ON jobs (delivery_id);
`;

type Row = Record<string, SQLInputValue>;

/**
 * Opens (creating if needed) the job store in `dataDir`. An accepted delivery is fsynced before
 * `accept` resolves, so what the webhook was acked for survives kill -9 and power loss.
 * One process per DATA_DIR: at start it takes over every job left running.
 */
export function openSqliteJobStore(dataDir: string): SqliteJobStore {
  const path = resolve(join(dataDir, FILE_NAME));
  try {
    mkdirSync(dataDir, { recursive: true });
    const db = new DatabaseSync(path);
    // NORMAL: a commit reaches the OS without an fsync (kill -9 safe); `accept` then fsyncs the
    // WAL itself, off the event loop (node:sqlite's own fsync would block every other request).
    // No automatic checkpoints: one would stall the ack that triggers it; `housekeep` does them.
    db.exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 0;",
    );
    migrate(db, path);
    return new SqliteJobStore(db, path);
  } catch (error) {
    throw new Error(
      `Cannot open the job store at ${path}: ${error instanceof Error ? error.message : String(error)}. ` +
        "Set DATA_DIR to a writable directory (default ./.data) that no other pr-triage process uses.",
    );
  }
}

function migrate(db: DatabaseSync, path: string): void {
  const { user_version: version } = db.prepare("PRAGMA user_version").get() as { user_version: number };
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${path} has schema version ${version}, but this pr-triage knows only up to ${SCHEMA_VERSION}; run the newer pr-triage, or point DATA_DIR elsewhere`,
    );
  }
  db.exec(SCHEMA);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}

export class SqliteJobStore implements JobStore {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #wal: FileHandle | undefined;
  #syncing: Promise<void> | undefined;
  #nextSync: Promise<void> | undefined;
  /** The database file; its write-ahead log sits beside it. */
  readonly path: string;

  constructor(db: DatabaseSync, path: string) {
    this.#db = db;
    this.path = path;
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

  /**
   * GitHub's "Redeliver" keeps the delivery id. It is a duplicate, unless everything it started
   * failed for good: then an operator is asking for another try, and gets one.
   */
  #redelivered(deliveryId: string, now: number): AcceptResult {
    const jobs = this.#all("SELECT id, state FROM jobs WHERE delivery_id = ?", deliveryId);
    if (jobs.length === 0 || jobs.some((job) => job.state !== "failed")) return { kind: "duplicate" };
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
    const insert = (state: JobState, extra: { mergedInto?: number; note?: string } = {}): number =>
      Number(
        this.#get(
          `INSERT INTO jobs (delivery_id, installation_id, owner, repo, pull_number, pr_key, head_sha,
             head_seen_at, trigger, requested_by, comment_id, state, merged_into, available_at, outcome,
             last_error, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
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
          state,
          extra.mergedInto ?? null,
          now,
          state === "done" ? "merged" : null,
          extra.note ?? null,
          now,
          now,
        )?.id,
      );
    if (request.headSha === null) return { id: insert("queued"), status: "queued", supersedes: [] };

    // Same head as the PR's latest work, still pending or already triaged: nothing new to do.
    // An explicit request (/triage, Re-run) joins only work that has not started yet.
    const latest = this.#get(
      `SELECT id, head_sha, state, outcome FROM jobs
       WHERE pr_key = ? AND merged_into IS NULL AND superseded = 0 AND state <> 'superseded'
       ORDER BY id DESC LIMIT 1`,
      prKey,
    );
    if (latest && latest.head_sha === request.headSha) {
      const joinable =
        request.trigger === "pull_request"
          ? latest.state === "queued" ||
            latest.state === "running" ||
            (latest.state === "done" && latest.outcome === "triaged")
          : latest.state === "queued";
      if (joinable) {
        const id = insert("done", { mergedInto: Number(latest.id), note: `merged into job ${latest.id}` });
        return { id, status: "merged", supersedes: [] };
      }
    }
    if (request.headSeenAt === null) return { id: insert("queued"), status: "queued", supersedes: [] };

    // Out of order: GitHub already told us about a newer, different head.
    const newer = this.#get(
      `SELECT id FROM jobs WHERE pr_key = ? AND head_sha IS NOT NULL AND head_sha <> ? AND head_seen_at > ?
       ORDER BY head_seen_at DESC LIMIT 1`,
      prKey,
      request.headSha,
      request.headSeenAt,
    );
    if (newer) {
      const id = insert("superseded", { note: `arrived after job ${newer.id}, which is for a newer head` });
      return { id, status: "stale", supersedes: [] };
    }

    const id = insert("queued");
    const older = this.#all(
      `SELECT id, state, check_run_id FROM jobs
       WHERE pr_key = ? AND state IN ('queued', 'running') AND superseded = 0 AND head_sha IS NOT NULL
         AND head_sha <> ? AND head_seen_at < ?`,
      prKey,
      request.headSha,
      request.headSeenAt,
    );
    for (const job of older) {
      if (job.state === "queued" && job.check_run_id === null) {
        this.#run(
          "UPDATE jobs SET state = 'superseded', last_error = ?, updated_at = ? WHERE id = ?",
          `superseded by job ${id} for a newer head`,
          now,
          Number(job.id),
        );
      } else {
        // It opened a check run (or is running): it must still close it, so it stays runnable,
        // and due now rather than after its retry delay.
        this.#run(
          "UPDATE jobs SET superseded = 1, available_at = MIN(available_at, ?), updated_at = ? WHERE id = ?",
          now,
          now,
          Number(job.id),
        );
      }
    }
    return { id, status: "queued", supersedes: older.map((job) => Number(job.id)) };
  }

  async claim(now: number): Promise<StoredJob | undefined> {
    const row = this.#get(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = ?
       WHERE id = (
         SELECT j.id FROM jobs j
         WHERE j.state = 'queued' AND j.available_at <= ?
           AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.pr_key = j.pr_key AND r.state = 'running')
         ORDER BY j.available_at, j.id LIMIT 1)
       RETURNING *`,
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

  async finish(id: number, state: FinalState, note: string, now: number): Promise<void> {
    this.#run(
      `UPDATE jobs SET state = ?, outcome = ?, last_error = CASE WHEN ? = 'done' THEN last_error ELSE ? END,
         updated_at = ? WHERE id = ?`,
      state,
      state === "done" ? note : state,
      state,
      note,
      now,
      id,
    );
  }

  async retryAt(id: number, availableAt: number, reason: string, now: number): Promise<void> {
    this.#run(
      "UPDATE jobs SET state = 'queued', available_at = ?, last_error = ?, updated_at = ? WHERE id = ?",
      availableAt,
      reason,
      now,
      id,
    );
  }

  async release(id: number, now: number): Promise<void> {
    this.#run(
      `UPDATE jobs SET state = 'queued', attempts = MAX(attempts - 1, 0), available_at = ?, updated_at = ?
       WHERE id = ? AND state = 'running'`,
      now,
      now,
      id,
    );
  }

  async recover(now: number): Promise<number> {
    return this.#run(
      "UPDATE jobs SET state = 'queued', available_at = ?, updated_at = ? WHERE state = 'running'",
      now,
      now,
    );
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

function toStoredJob(row: Row): StoredJob {
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
