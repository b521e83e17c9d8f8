import type { Logger } from "probot";
import type { JobStore } from "./job-store.ts";

/**
 * Renews this process's leases on its running jobs, and takes over jobs whose owner stopped
 * renewing (a replica that crashed), so they resume within about a lease rather than at the
 * next start. Called every third of a lease; resolves true when jobs were taken over. A draining process
 * only renews (`takeOver` false).
 */
export async function keepLeases(
  store: JobStore,
  running: readonly number[],
  now: number,
  log: Logger,
  takeOver: boolean,
): Promise<boolean> {
  try {
    const held = await store.renew(running, now);
    if (held < running.length) {
      log.warn(
        { lost: running.length - held },
        "lost the lease on running jobs; another process took them over",
      );
    }
    // A draining process takes on nothing new; the other replicas take over.
    if (!takeOver) return false;
    const taken = await store.recover(now);
    if (taken > 0)
      log.warn(
        { taken, leaseMs: store.leaseMs },
        "taking over jobs whose lease expired (their process stopped)",
      );
    return taken > 0;
  } catch (error) {
    log.warn({ err: error }, "could not renew or check job leases; trying again shortly");
    return false;
  }
}
