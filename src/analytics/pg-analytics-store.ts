import type { Pool } from "pg";
import { withPgTransaction } from "../queue/with-pg-transaction.ts";
import { eventValues, feedbackValues, type Row, toSnapshot, triageValues } from "./analytics-rows.ts";
import type { AnalyticsSnapshot, AnalyticsStore, ThreadResolution } from "./analytics-store.ts";
import type { FlowEvent, FlowPull } from "./flow-event.ts";
import type { CommentFeedback, TriageRecord } from "./triage-record.ts";

/**
 * The analytics tables in the job store's PostgreSQL database: a schema step that
 * `src/open-job-store.ts` hands `migratePg`, after the queue's own. Prefixed, since the database may be shared. Epoch ms, GitHub ids and token counts are BIGINT
 * (`pg` returns them as strings; the row mappers take `Number()`); flags are INTEGER 0/1, as in
 * SQLite, so the same mappers read both stores.
 */
export const PG_ANALYTICS_MIGRATION = `
CREATE TABLE analytics_pulls (
  repo TEXT NOT NULL, pull_number INTEGER NOT NULL, author TEXT NOT NULL, title TEXT NOT NULL,
  PRIMARY KEY (repo, pull_number)
);
CREATE TABLE analytics_events (
  id TEXT PRIMARY KEY, repo TEXT NOT NULL, pull_number INTEGER NOT NULL, kind TEXT NOT NULL,
  at BIGINT NOT NULL, actor TEXT, actor_is_bot INTEGER NOT NULL, detail TEXT
);
CREATE INDEX analytics_events_by_pr ON analytics_events (repo, pull_number, at);
CREATE INDEX analytics_events_by_time ON analytics_events (at);
CREATE TABLE analytics_triages (
  delivery_id TEXT NOT NULL, head_sha TEXT NOT NULL, repo TEXT NOT NULL, pull_number INTEGER NOT NULL,
  level TEXT NOT NULL, score INTEGER NOT NULL, author_kind TEXT NOT NULL, routed TEXT NOT NULL,
  input_tokens BIGINT NOT NULL, cached_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL,
  cost_usd DOUBLE PRECISION, event_at BIGINT NOT NULL, completed_at BIGINT NOT NULL,
  PRIMARY KEY (delivery_id, head_sha)
);
CREATE INDEX analytics_triages_by_time ON analytics_triages (completed_at);
CREATE INDEX analytics_triages_by_pr ON analytics_triages (repo, pull_number);
CREATE TABLE analytics_posted_findings (
  repo TEXT NOT NULL, pull_number INTEGER NOT NULL, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL,
  posted_at BIGINT NOT NULL, PRIMARY KEY (repo, pull_number, fingerprint)
);
CREATE TABLE analytics_ignored_findings (
  repo TEXT NOT NULL, pull_number INTEGER NOT NULL, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL,
  at BIGINT NOT NULL, PRIMARY KEY (repo, pull_number, fingerprint)
);
CREATE INDEX analytics_ignored_findings_by_time ON analytics_ignored_findings (at);
CREATE TABLE analytics_comment_feedback (
  comment_id BIGINT PRIMARY KEY, repo TEXT NOT NULL, pull_number INTEGER NOT NULL, fingerprint TEXT NOT NULL,
  thumbs_up INTEGER NOT NULL DEFAULT 0, thumbs_down INTEGER NOT NULL DEFAULT 0,
  addressed INTEGER NOT NULL DEFAULT 0, resolved INTEGER NOT NULL DEFAULT 0, at BIGINT NOT NULL
);
CREATE INDEX analytics_comment_feedback_by_time ON analytics_comment_feedback (at);
`;

/** PRs with an event or a completed triage since $1: their whole timelines are loaded. */
const ACTIVE = `SELECT DISTINCT repo, pull_number FROM analytics_events WHERE at >= $1
                UNION SELECT repo, pull_number FROM analytics_triages WHERE completed_at >= $1`;

/**
 * Review-flow analytics in the shared PostgreSQL database, on the job store's pool
 * (`PgJobStore.pool`; its migrations create the tables, and every call waits for them: `ready`).
 * Same semantics as the SQLite store: writes are idempotent by delivery id, by (delivery, head)
 * and by finding fingerprint, so replicas recording the same delivery record it once. Text is
 * ordered byte-wise (`COLLATE "C"`), as SQLite orders it.
 */
export class PgAnalyticsStore implements AnalyticsStore {
  readonly #pool: Pool;
  readonly #ready: Promise<void>;

  constructor(pool: Pool, ready: Promise<void>) {
    this.#pool = pool;
    this.#ready = ready;
  }

  async recordEvent(pull: FlowPull, event: FlowEvent): Promise<boolean> {
    await this.#ready;
    return withPgTransaction(this.#pool, async (client) => {
      await client.query(
        `INSERT INTO analytics_pulls (repo, pull_number, author, title) VALUES ($1, $2, $3, $4)
         ON CONFLICT (repo, pull_number) DO UPDATE SET author = EXCLUDED.author, title = EXCLUDED.title`,
        [pull.repo, pull.pullNumber, pull.author, pull.title],
      );
      const inserted = await client.query(
        `INSERT INTO analytics_events (id, repo, pull_number, kind, at, actor, actor_is_bot, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        eventValues(event),
      );
      return (inserted.rowCount ?? 0) > 0;
    });
  }

  async recordTriage(t: TriageRecord): Promise<void> {
    await this.#ready;
    await withPgTransaction(this.#pool, async (client) => {
      await client.query(
        `INSERT INTO analytics_triages (delivery_id, head_sha, repo, pull_number, level, score, author_kind,
           routed, input_tokens, cached_tokens, output_tokens, cost_usd, event_at, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
        triageValues(t),
      );
      // Fixed order, so two replicas recording overlapping findings never deadlock.
      for (const posted of byFingerprint(t.posted)) {
        await client.query(
          `INSERT INTO analytics_posted_findings (repo, pull_number, fingerprint, rule_id, posted_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [t.repo, t.pullNumber, posted.fingerprint, posted.ruleId, t.completedAt],
        );
      }
      for (const ignored of byFingerprint(t.ignored ?? [])) {
        await client.query(
          `INSERT INTO analytics_ignored_findings (repo, pull_number, fingerprint, rule_id, at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [t.repo, t.pullNumber, ignored.fingerprint, ignored.ruleId, t.completedAt],
        );
      }
    });
  }

  async recordFeedback(feedback: readonly CommentFeedback[]): Promise<void> {
    if (feedback.length === 0) return;
    await this.#ready;
    await withPgTransaction(this.#pool, async (client) => {
      for (const f of [...feedback].sort((a, b) => a.commentId - b.commentId)) {
        await client.query(
          `INSERT INTO analytics_comment_feedback
             (comment_id, repo, pull_number, fingerprint, thumbs_up, thumbs_down, addressed, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (comment_id) DO UPDATE SET thumbs_up = EXCLUDED.thumbs_up,
             thumbs_down = EXCLUDED.thumbs_down, addressed = EXCLUDED.addressed, at = EXCLUDED.at`,
          feedbackValues(f),
        );
      }
    });
  }

  async recordThreadResolution(r: ThreadResolution): Promise<void> {
    if (r.comments.length === 0) return;
    await this.#ready;
    await withPgTransaction(this.#pool, async (client) => {
      for (const c of [...r.comments].sort((a, b) => a.commentId - b.commentId)) {
        await client.query(
          `INSERT INTO analytics_comment_feedback (comment_id, repo, pull_number, fingerprint, resolved, at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (comment_id) DO UPDATE SET resolved = EXCLUDED.resolved, at = EXCLUDED.at`,
          [c.commentId, r.repo, r.pullNumber, c.fingerprint, r.resolved ? 1 : 0, r.at],
        );
      }
    });
  }

  async load(since: number): Promise<AnalyticsSnapshot> {
    await this.#ready;
    // One snapshot: the five reads see the same committed data, whatever other replicas write.
    return withPgTransaction(this.#pool, async (client) => {
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const all = async (sql: string): Promise<Row[]> => (await client.query<Row>(sql, [since])).rows;
      const pulls = await all(
        `SELECT p.* FROM analytics_pulls p JOIN (${ACTIVE}) a USING (repo, pull_number)
         ORDER BY repo COLLATE "C", pull_number`,
      );
      const events = await all(
        `SELECT e.* FROM analytics_events e JOIN (${ACTIVE}) a USING (repo, pull_number)
         ORDER BY at, id COLLATE "C"`,
      );
      const triages = await all(
        `SELECT t.* FROM analytics_triages t JOIN (${ACTIVE}) a USING (repo, pull_number)
         ORDER BY completed_at, delivery_id COLLATE "C", head_sha COLLATE "C"`,
      );
      const feedback = await all(
        `SELECT f.*, COALESCE(p.rule_id, 'unknown') AS rule_id FROM analytics_comment_feedback f
         LEFT JOIN analytics_posted_findings p USING (repo, pull_number, fingerprint)
         WHERE f.at >= $1 ORDER BY comment_id`,
      );
      const ignored = await all(
        `SELECT repo, rule_id, at FROM analytics_ignored_findings WHERE at >= $1
         ORDER BY at, rule_id COLLATE "C"`,
      );
      return toSnapshot({ pulls, events, triages, feedback, ignored });
    });
  }

  /** Nothing to do: PostgreSQL's autovacuum and checkpoints look after themselves. */
  async housekeep(_now: number): Promise<void> {}

  async prune(before: number): Promise<number> {
    await this.#ready;
    return withPgTransaction(this.#pool, async (client) => {
      const run = async (sql: string, params: unknown[] = [before]): Promise<number> =>
        (await client.query(sql, params)).rowCount ?? 0;
      return (
        (await run("DELETE FROM analytics_events WHERE at < $1")) +
        (await run("DELETE FROM analytics_triages WHERE completed_at < $1")) +
        (await run("DELETE FROM analytics_comment_feedback WHERE at < $1")) +
        (await run("DELETE FROM analytics_posted_findings WHERE posted_at < $1")) +
        (await run("DELETE FROM analytics_ignored_findings WHERE at < $1")) +
        (await run(
          `DELETE FROM analytics_pulls p
           WHERE NOT EXISTS (SELECT 1 FROM analytics_events e WHERE e.repo = p.repo AND e.pull_number = p.pull_number)
             AND NOT EXISTS (SELECT 1 FROM analytics_triages t WHERE t.repo = p.repo AND t.pull_number = p.pull_number)`,
          [],
        ))
      );
    });
  }

  /** The pool is the job store's: closing the job store ends it. */
  close(): void {}
}

const byFingerprint = <T extends { fingerprint: string }>(findings: readonly T[]): T[] =>
  [...findings].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
