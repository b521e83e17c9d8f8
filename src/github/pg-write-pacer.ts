import type { Pool } from "pg";
import { PgWriteLog } from "../queue/pg-write-log.ts";
import type { WriteLog } from "../queue/write-log.ts";
import type { WriteGate } from "./write-gate.ts";
import { checkWriteLimits, type WriteLimits } from "./write-pacer.ts";
import { HOUR_MS, writeWaitMs } from "./write-wait-ms.ts";

/**
 * GitHub's secondary limits count per installation, not per process: with two replicas each
 * pacing itself, an installation could get twice the allowance. This pacer keeps the writes of
 * the last hour in the shared database, and reserves each one under an advisory lock on the
 * installation (`PgWriteLog`), so all replicas together stay under the limits.
 */
export class PgWritePacer implements WriteGate {
  readonly #log: WriteLog;
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
    this.#log = new PgWriteLog(pool);
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
    // Best effort: the request that hit the limit fails and is retried by the job anyway.
    this.#log.hold(installationId, until).catch(() => undefined);
  }

  #reserve(installationId: number, now: number): Promise<number> {
    return this.#log.reserve(installationId, now, now - HOUR_MS, (writes, pausedUntil) =>
      writeWaitMs(writes, pausedUntil, this.#limits, now),
    );
  }
}
