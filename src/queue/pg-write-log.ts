import type { Pool } from "pg";
import { LOCK_NAMESPACE } from "./migrate-pg.ts";
import { withPgTransaction } from "./with-pg-transaction.ts";
import type { WriteLog } from "./write-log.ts";

/** The write log in PostgreSQL (`write_log`, `write_pauses`), reserved under an advisory lock per key. */
export class PgWriteLog implements WriteLog {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async hold(key: number, until: number): Promise<void> {
    await this.#pool.query(
      `INSERT INTO write_pauses (installation_id, paused_until) VALUES ($1, $2)
         ON CONFLICT (installation_id) DO UPDATE SET paused_until = GREATEST(write_pauses.paused_until, EXCLUDED.paused_until)`,
      [key, until],
    );
  }

  reserve(
    key: number,
    now: number,
    forgetUpTo: number,
    decide: (writes: readonly number[], pausedUntil: number) => number,
  ): Promise<number> {
    return withPgTransaction(this.#pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        LOCK_NAMESPACE.writeLog,
        String(key),
      ]);
      await client.query("DELETE FROM write_log WHERE installation_id = $1 AND at <= $2", [key, forgetUpTo]);
      const writes = await client.query<{ at: string }>(
        "SELECT at FROM write_log WHERE installation_id = $1 ORDER BY at",
        [key],
      );
      const paused = await client.query<{ paused_until: string }>(
        "SELECT paused_until FROM write_pauses WHERE installation_id = $1",
        [key],
      );
      const wait = decide(
        writes.rows.map((row) => Number(row.at)),
        Number(paused.rows[0]?.paused_until ?? 0),
      );
      if (wait <= 0) {
        await client.query("INSERT INTO write_log (installation_id, at) VALUES ($1, $2)", [key, now]);
      }
      return wait;
    });
  }
}
