import type { Pool } from "pg";
import { LOCK_NAMESPACE } from "./migrate-pg.ts";
import type { RecoveryLedger } from "./recovery-ledger.ts";

/** The recovery ledger in the shared database: a session advisory lock, and the `redeliveries` table. */
export class PgRecoveryLedger implements RecoveryLedger {
  /** The job store's pool, and its migrations (every call waits for them). */
  readonly #db: { pool: Pool; ready: Promise<void> };

  constructor(pool: Pool, ready: Promise<void>) {
    this.#db = { pool, ready };
  }

  async exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    await this.#db.ready;
    // The lock belongs to this connection's session: it is held for the whole run, and freed by
    // the server if this process dies mid-run.
    const client = await this.#db.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
        [LOCK_NAMESPACE.named, name],
      );
      if (!rows[0]?.locked) return undefined;
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE.named, name]);
      }
    } finally {
      client.release();
    }
  }

  async handled(guids: readonly string[]): Promise<Set<string>> {
    await this.#db.ready;
    const { rows } = await this.#db.pool.query<{ guid: string }>(
      `SELECT id AS guid FROM deliveries WHERE id = ANY($1)
       UNION SELECT guid FROM redeliveries WHERE guid = ANY($1)`,
      [[...guids]],
    );
    return new Set(rows.map((row) => row.guid));
  }

  async markRedelivered(guid: string, event: string, now: number): Promise<boolean> {
    await this.#db.ready;
    const result = await this.#db.pool.query(
      "INSERT INTO redeliveries (guid, event, redelivered_at) VALUES ($1, $2, $3) ON CONFLICT (guid) DO NOTHING",
      [guid, event, now],
    );
    return result.rowCount === 1;
  }
}
