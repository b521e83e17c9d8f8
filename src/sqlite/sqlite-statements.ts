import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { withSqliteTransaction } from "./with-sqlite-transaction.ts";

export type SqliteRow = Record<string, SQLInputValue>;

/**
 * A SQLite database's statements, each prepared once (the webhook path records on every
 * delivery), and its write transactions.
 */
export class SqliteStatements {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  transaction<T>(work: () => T): T {
    return withSqliteTransaction(this.#db, work);
  }

  /** Runs a write; returns how many rows it changed. */
  run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.#statement(sql).run(...params).changes);
  }

  get(sql: string, ...params: SQLInputValue[]): SqliteRow | undefined {
    return this.#statement(sql).get(...params) as SqliteRow | undefined;
  }

  all(sql: string, ...params: SQLInputValue[]): SqliteRow[] {
    return this.#statement(sql).all(...params) as SqliteRow[];
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
