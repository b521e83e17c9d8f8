import type { DatabaseSync } from "node:sqlite";
import { openSqliteDatabase } from "../sqlite/open-sqlite-database.ts";
import { SqliteStatements } from "../sqlite/sqlite-statements.ts";
import { eventValues, feedbackValues, toSnapshot, triageValues } from "./analytics-rows.ts";
import type { AnalyticsSnapshot, AnalyticsStore, ThreadResolution } from "./analytics-store.ts";
import type { FlowEvent, FlowPull } from "./flow-event.ts";
import type { CommentFeedback, TriageRecord } from "./triage-record.ts";

const SCHEMA_VERSION = 1;
const FILE_NAME = "analytics.sqlite";
/** Checkpoints wait for this long without a recorded webhook. */
const QUIET_MS = 2_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pulls (
  repo TEXT NOT NULL, pull_number INTEGER NOT NULL, author TEXT NOT NULL, title TEXT NOT NULL,
  PRIMARY KEY (repo, pull_number)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, repo TEXT NOT NULL, pull_number INTEGER NOT NULL, kind TEXT NOT NULL,
  at INTEGER NOT NULL, actor TEXT, actor_is_bot INTEGER NOT NULL, detail TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_by_pr ON events (repo, pull_number, at);
CREATE INDEX IF NOT EXISTS events_by_time ON events (at);
CREATE TABLE IF NOT EXISTS triages (
  delivery_id TEXT NOT NULL, head_sha TEXT NOT NULL, repo TEXT NOT NULL, pull_number INTEGER NOT NULL,
  level TEXT NOT NULL, score INTEGER NOT NULL, author_kind TEXT NOT NULL, routed TEXT NOT NULL,
  input_tokens INTEGER NOT NULL, cached_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
  cost_usd REAL, event_at INTEGER NOT NULL, completed_at INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, head_sha)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS triages_by_time ON triages (completed_at);
CREATE TABLE IF NOT EXISTS posted_findings (
  repo TEXT NOT NULL, pull_number INTEGER NOT NULL, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL,
  posted_at INTEGER NOT NULL, PRIMARY KEY (repo, pull_number, fingerprint)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ignored_findings (
  repo TEXT NOT NULL, pull_number INTEGER NOT NULL, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL,
  at INTEGER NOT NULL, PRIMARY KEY (repo, pull_number, fingerprint)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS comment_feedback (
  comment_id INTEGER PRIMARY KEY, repo TEXT NOT NULL, pull_number INTEGER NOT NULL, fingerprint TEXT NOT NULL,
  thumbs_up INTEGER NOT NULL DEFAULT 0, thumbs_down INTEGER NOT NULL DEFAULT 0,
  addressed INTEGER NOT NULL DEFAULT 0, resolved INTEGER NOT NULL DEFAULT 0, at INTEGER NOT NULL
);
`;

/**
 * Opens (creating if needed) the analytics database in `dataDir`, a file of its own beside the
 * job store: analytics never contends with the queue's fsyncs, and losing its last writes to a
 * power cut costs a data point, never a triage.
 */
export function openSqliteAnalyticsStore(dataDir: string): SqliteAnalyticsStore {
  return openSqliteDatabase({
    dir: dataDir,
    fileName: FILE_NAME,
    what: "the analytics store",
    fix: "Set DATA_DIR to a writable directory (default ./.data) that no other pr-triage process uses.",
    manualCheckpoints: true,
    init: (db) => {
      const { user_version: version } = db.prepare("PRAGMA user_version").get() as { user_version: number };
      if (version > SCHEMA_VERSION) {
        throw new Error(
          `schema version ${version} is newer than this pr-triage's ${SCHEMA_VERSION}; run the newer pr-triage`,
        );
      }
      db.exec(SCHEMA);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      return new SqliteAnalyticsStore(db);
    },
  });
}

export class SqliteAnalyticsStore implements AnalyticsStore {
  readonly #db: DatabaseSync;
  readonly #sql: SqliteStatements;
  #lastEventAt = 0;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#sql = new SqliteStatements(db);
  }

  async recordEvent(pull: FlowPull, event: FlowEvent): Promise<boolean> {
    // One transaction, so the webhook path pays for one commit, not two.
    this.#lastEventAt = Date.now();
    return this.#sql.transaction(() => {
      this.#sql.run(
        `INSERT INTO pulls (repo, pull_number, author, title) VALUES (?, ?, ?, ?)
         ON CONFLICT (repo, pull_number) DO UPDATE SET author = excluded.author, title = excluded.title`,
        pull.repo,
        pull.pullNumber,
        pull.author,
        pull.title,
      );
      const inserted = this.#sql.run(
        `INSERT INTO events (id, repo, pull_number, kind, at, actor, actor_is_bot, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        ...eventValues(event),
      );
      return inserted > 0;
    });
  }

  async recordTriage(t: TriageRecord): Promise<void> {
    this.#sql.run(
      `INSERT INTO triages (delivery_id, head_sha, repo, pull_number, level, score, author_kind, routed,
         input_tokens, cached_tokens, output_tokens, cost_usd, event_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ...triageValues(t),
    );
    for (const posted of t.posted) {
      this.#sql.run(
        `INSERT INTO posted_findings (repo, pull_number, fingerprint, rule_id, posted_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        t.repo,
        t.pullNumber,
        posted.fingerprint,
        posted.ruleId,
        t.completedAt,
      );
    }
    for (const ignored of t.ignored ?? []) {
      this.#sql.run(
        `INSERT INTO ignored_findings (repo, pull_number, fingerprint, rule_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        t.repo,
        t.pullNumber,
        ignored.fingerprint,
        ignored.ruleId,
        t.completedAt,
      );
    }
  }

  async recordFeedback(feedback: readonly CommentFeedback[]): Promise<void> {
    for (const f of feedback) {
      this.#sql.run(
        `INSERT INTO comment_feedback (comment_id, repo, pull_number, fingerprint, thumbs_up, thumbs_down, addressed, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (comment_id) DO UPDATE SET thumbs_up = excluded.thumbs_up, thumbs_down = excluded.thumbs_down,
           addressed = excluded.addressed, at = excluded.at`,
        ...feedbackValues(f),
      );
    }
  }

  async recordThreadResolution(r: ThreadResolution): Promise<void> {
    for (const c of r.comments) {
      this.#sql.run(
        `INSERT INTO comment_feedback (comment_id, repo, pull_number, fingerprint, resolved, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (comment_id) DO UPDATE SET resolved = excluded.resolved, at = excluded.at`,
        c.commentId,
        r.repo,
        r.pullNumber,
        c.fingerprint,
        r.resolved ? 1 : 0,
        r.at,
      );
    }
  }

  async load(since: number): Promise<AnalyticsSnapshot> {
    // Whole timelines of the PRs active since then: a PR merged today may have opened long before.
    const active = `SELECT DISTINCT repo, pull_number FROM events WHERE at >= ?
                    UNION SELECT repo, pull_number FROM triages WHERE completed_at >= ?`;
    const pulls = this.#sql.all(
      `SELECT p.* FROM pulls p JOIN (${active}) a USING (repo, pull_number) ORDER BY repo, pull_number`,
      since,
      since,
    );
    const events = this.#sql.all(
      `SELECT e.* FROM events e JOIN (${active}) a USING (repo, pull_number) ORDER BY at, id`,
      since,
      since,
    );
    const triages = this.#sql.all(
      `SELECT t.* FROM triages t JOIN (${active}) a USING (repo, pull_number) ORDER BY completed_at`,
      since,
      since,
    );
    const feedback = this.#sql.all(
      `SELECT f.*, COALESCE(p.rule_id, 'unknown') AS rule_id FROM comment_feedback f
       LEFT JOIN posted_findings p USING (repo, pull_number, fingerprint) WHERE f.at >= ? ORDER BY comment_id`,
      since,
    );
    const ignored = this.#sql.all(
      "SELECT repo, rule_id, at FROM ignored_findings WHERE at >= ? ORDER BY at, rule_id",
      since,
    );
    return toSnapshot({ pulls, events, triages, feedback, ignored });
  }

  async housekeep(now: number): Promise<void> {
    if (now - this.#lastEventAt >= QUIET_MS) this.#db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  }

  async prune(before: number): Promise<number> {
    return this.#sql.transaction(
      () =>
        this.#sql.run("DELETE FROM events WHERE at < ?", before) +
        this.#sql.run("DELETE FROM triages WHERE completed_at < ?", before) +
        this.#sql.run("DELETE FROM comment_feedback WHERE at < ?", before) +
        this.#sql.run("DELETE FROM posted_findings WHERE posted_at < ?", before) +
        this.#sql.run("DELETE FROM ignored_findings WHERE at < ?", before) +
        this.#sql.run(
          `DELETE FROM pulls WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.repo = pulls.repo AND e.pull_number = pulls.pull_number)
             AND NOT EXISTS (SELECT 1 FROM triages t WHERE t.repo = pulls.repo AND t.pull_number = pulls.pull_number)`,
        ),
    );
  }

  close(): void {
    this.#db.close();
  }
}
