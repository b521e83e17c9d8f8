/**
 * Acks and jobs share one event loop, and a job's CPU-heavy steps would delay acks. While
 * deliveries keep arriving (less than QUIET_MS apart), new jobs wait, for at most MAX_DEFER_MS.
 */
const QUIET_MS = 50;
const MAX_DEFER_MS = 2_000;

/** Tracks the deliveries arriving, to tell when a new job should wait for them to stop. */
export class AckDeferral {
  /** When the last delivery was recorded. */
  lastAcceptAt = Number.NEGATIVE_INFINITY;
  #busySince = Number.NEGATIVE_INFINITY;

  accepted(now: number): void {
    if (now - this.lastAcceptAt >= QUIET_MS) this.#busySince = now;
    this.lastAcceptAt = now;
  }

  /** When new jobs may start, if deliveries are arriving now; undefined: start them now. */
  deferredUntil(now: number): number | undefined {
    const busy = now - this.lastAcceptAt < QUIET_MS && now - this.#busySince < MAX_DEFER_MS;
    return busy ? this.lastAcceptAt + QUIET_MS : undefined;
  }
}
