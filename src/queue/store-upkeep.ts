import type { Logger } from "probot";
import type { JobStore } from "./job-store.ts";

/** Finished jobs and deliveries are kept this long: GitHub allows redelivery for 3 days. */
const RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
/** Store upkeep waits for this much quiet, but never longer than HOUSEKEEP_AT_LEAST_EVERY_MS. */
export const HOUSEKEEP_QUIET_MS = 1_000;
const HOUSEKEEP_AT_LEAST_EVERY_MS = 60_000;

/**
 * The store's housekeeping and pruning, kept out of the way of acks: both wait until no delivery
 * is arriving (housekeeping at most HOUSEKEEP_AT_LEAST_EVERY_MS). A failure is logged and the
 * work is tried again on a later tick.
 */
export class StoreUpkeep {
  readonly #store: JobStore;
  readonly #log: Logger;
  #lastPruneAt = Number.NEGATIVE_INFINITY;
  #lastHousekeepAt = Number.NEGATIVE_INFINITY;

  constructor(store: JobStore, log: Logger) {
    this.#store = store;
    this.#log = log;
  }

  async tick(now: number, lastAcceptAt: number): Promise<void> {
    const quiet = now - lastAcceptAt >= HOUSEKEEP_QUIET_MS;
    try {
      if (quiet || now - this.#lastHousekeepAt >= HOUSEKEEP_AT_LEAST_EVERY_MS) {
        this.#lastHousekeepAt = now;
        await this.#store.housekeep();
      }
      if (quiet && now - this.#lastPruneAt >= PRUNE_EVERY_MS) {
        this.#lastPruneAt = now;
        const pruned = await this.#store.prune(now - RETENTION_MS);
        if (pruned > 0) this.#log.debug({ pruned }, "pruned finished jobs");
      }
    } catch (error) {
      this.#log.warn({ err: error }, "job store upkeep failed; it is retried later");
    }
  }
}
