import type { Pool } from "pg";
import { LOCK_NAMESPACE } from "./migrate-pg.ts";
import { withPgTransaction } from "./with-pg-transaction.ts";
import type { WriteGate } from "./write-gate.ts";
import { checkWriteLimits, type WriteLimits } from "./write-pacer.ts";
import { HOUR_MS, writeWaitMs } from "./write-wait-ms.ts";

/**
 * GitHub's secondary limits count per installation, not per process: with two replicas each
 * pacing itself, an installation could get twice the allowance. This pacer keeps the writes of
 * the last hour in the shared database, and reserves each one under an advisory lock on the
 * installation, so all replicas together stay under the limits.
 */
export class PgWritePacer implements WriteGate {
  readonly #pool: Pool;
  readonly #ready: Promise<void>;
  readonly #limits: WriteLimits;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(
    pool: Pool,
    ready: Promise<void>,
    limits: WriteLimits,
    now: () => number = Date.now,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    checkWriteLimits(limits);
    this.#pool = pool;
    this.#ready = ready;
    this.#limits = limits;
    this.#now = now;
    this.#sleep = sleep;
  }

  async acquire(installationId: number): Promise<void> {
    await this.#ready;
    for (;;) {
      const wait = await this.#reserve(installationId, this.#now());
      if (wait <= 0) return;
      await this.#sleep(wait);
    }
  }

  pause(installationId: number, until: number): void {
    this.#pool
      .query(
        `INSERT INTO write_pauses (installation_id, paused_until) VALUES ($1, $2)
         ON CONFLICT (installation_id) DO UPDATE SET paused_until = GREATEST(write_pauses.paused_until, EXCLUDED.paused_until)`,
        [installationId, until],
      )
      // Best effort: the request that hit the limit fails and is retried by the job anyway.
      .catch(() => undefined);
  }

  #reserve(installationId: number, now: number): Promise<number> {
    return withPgTransaction(this.#pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        LOCK_NAMESPACE.installation,
        String(installationId),
      ]);
      await client.query("DELETE FROM write_log WHERE installation_id = $1 AND at <= $2", [
        installationId,
        now - HOUR_MS,
      ]);
      const writes = await client.query<{ at: string }>(
        "SELECT at FROM write_log WHERE installation_id = $1 ORDER BY at",
        [installationId],
      );
      const paused = await client.query<{ paused_until: string }>(
        "SELECT paused_until FROM write_pauses WHERE installation_id = $1",
        [installationId],
      );
      const wait = writeWaitMs(
        writes.rows.map((row) => Number(row.at)),
        Number(paused.rows[0]?.paused_until ?? 0),
        this.#limits,
        now,
      );
      if (wait <= 0) {
        await client.query("INSERT INTO write_log (installation_id, at) VALUES ($1, $2)", [
          installationId,
          now,
        ]);
      }
      return wait;
    });
  }
}
