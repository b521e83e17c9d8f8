import type { Logger } from "probot";
import type { JobStore } from "./job-store.ts";

/**
 * Every third of a lease, renews this process's leases on its running jobs and takes over jobs
 * whose owner stopped renewing (a replica that crashed), so they resume within about a lease
 * rather than at that replica's next start.
 */
export class LeaseKeeper {
  readonly #store: JobStore;
  readonly #log: Logger;
  #lastCheckAt = Number.NEGATIVE_INFINITY;

  constructor(store: JobStore, log: Logger) {
    this.#store = store;
    this.#log = log;
  }

  /** Called often; does its work when a third of a lease has passed. Resolves true when jobs were taken over. */
  async tick(running: readonly number[], now: number, takeOver: boolean): Promise<boolean> {
    if (now - this.#lastCheckAt < this.#store.leaseMs / 3) return false;
    this.#lastCheckAt = now;
    try {
      const held = await this.#store.renew(running, now);
      if (held < running.length) {
        this.#log.warn(
          { lost: running.length - held },
          "lost the lease on running jobs; another process took them over",
        );
      }
      // A draining process takes on nothing new: the other replicas do.
      if (!takeOver) return false;
      const taken = await this.#store.recover(now);
      if (taken > 0) {
        this.#log.warn(
          { taken, leaseMs: this.#store.leaseMs },
          "taking over jobs whose lease expired (their process stopped)",
        );
      }
      return taken > 0;
    } catch (error) {
      this.#log.warn({ err: error }, "could not renew or check job leases; trying again shortly");
      return false;
    }
  }
}
