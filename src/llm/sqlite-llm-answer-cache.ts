import type { DatabaseSync } from "node:sqlite";
import type { LlmCacheSettings } from "../settings/llm-settings.ts";
import { openSqliteDatabase } from "../sqlite/open-sqlite-database.ts";
import { SqliteStatements } from "../sqlite/sqlite-statements.ts";
import type { CachedAnswer, LlmAnswerCache } from "./llm-answer-cache.ts";

const FILE_NAME = "llm-cache.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS llm_answers (
  key TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  output TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  used_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS llm_answers_used ON llm_answers (used_at);
`;

/**
 * LLM answers in their own SQLite file in DATA_DIR, next to the job store: a lost cache only
 * costs money, so it needs neither the job store's fsyncs nor its migrations. Entries older than
 * `maxAgeMs` are never returned; past `maxEntries` the least recently used go first.
 */
export class SqliteLlmAnswerCache implements LlmAnswerCache {
  readonly #db: DatabaseSync;
  readonly #sql: SqliteStatements;
  readonly #settings: LlmCacheSettings;

  constructor(settings: LlmCacheSettings) {
    this.#db = openSqliteDatabase({
      dir: settings.dir,
      fileName: FILE_NAME,
      what: "the LLM answer cache",
      fix: "Set DATA_DIR to a writable directory, or LLM_CACHE_MAX_ENTRIES=0 to run without the cache.",
      manualCheckpoints: false,
      init: (db) => {
        db.exec(SCHEMA);
        return db;
      },
    });
    this.#sql = new SqliteStatements(this.#db);
    this.#settings = settings;
  }

  async get(key: string, now: number): Promise<CachedAnswer | null> {
    const row = this.#sql.get(
      "SELECT model, output FROM llm_answers WHERE key = ? AND created_at > ?",
      key,
      now - this.#settings.maxAgeMs,
    );
    if (!row) return null;
    this.#sql.run("UPDATE llm_answers SET used_at = ? WHERE key = ?", now, key);
    return { model: String(row.model), output: String(row.output) };
  }

  async put(key: string, answer: CachedAnswer, now: number): Promise<void> {
    // The answer and the eviction it triggers land together, in one commit.
    this.#sql.transaction(() => {
      this.#sql.run(
        "INSERT INTO llm_answers (key, model, output, created_at, used_at) VALUES (?, ?, ?, ?, ?) " +
          "ON CONFLICT (key) DO UPDATE SET model = excluded.model, output = excluded.output, created_at = excluded.created_at, used_at = excluded.used_at",
        key,
        answer.model,
        answer.output,
        now,
        now,
      );
      this.#sql.run("DELETE FROM llm_answers WHERE created_at <= ?", now - this.#settings.maxAgeMs);
      this.#sql.run(
        "DELETE FROM llm_answers WHERE key IN (SELECT key FROM llm_answers ORDER BY used_at DESC, key LIMIT -1 OFFSET ?)",
        this.#settings.maxEntries,
      );
    });
  }

  /** Entries kept now, for tests and the bench. */
  size(): number {
    return Number(this.#sql.get("SELECT count(*) AS n FROM llm_answers")?.n ?? 0);
  }

  close(): void {
    this.#db.close();
  }
}
