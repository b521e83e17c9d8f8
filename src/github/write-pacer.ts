export interface WriteLimits {
  /** GitHub's secondary limit on content-creating requests: 80 per minute... */
  perMinute: number;
  /** ...and 500 per hour, per installation. */
  perHour: number;
}

import type { WriteGate } from "./write-gate.ts";
import { HOUR_MS, writeWaitMs } from "./write-wait-ms.ts";

interface InstallationWindow {
  /** Start times of the writes in the last hour, oldest first. */
  writes: number[];
  /** GitHub said "slow down": no writes before this time. */
  pausedUntil: number;
}

/**
 * Paces content-creating requests per installation under GitHub's secondary limits, with
 * sliding windows (one installation's burst never slows another's), and holds an installation's
 * writes while GitHub has asked it to back off. State is per process and starts empty.
 */
export class WritePacer implements WriteGate {
  readonly #limits: WriteLimits;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #windows = new Map<number, InstallationWindow>();

  constructor(
    limits: WriteLimits,
    now: () => number = Date.now,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    checkWriteLimits(limits);
    this.#limits = limits;
    this.#now = now;
    this.#sleep = sleep;
  }

  /** Resolves when one more write for this installation stays under both limits, and counts it. */
  async acquire(installationId: number): Promise<void> {
    for (;;) {
      const wait = this.#reserve(installationId, this.#now());
      if (wait <= 0) return;
      await this.#sleep(wait);
    }
  }

  /** GitHub answered a rate limit: hold this installation's writes until `until`. */
  pause(installationId: number, until: number): void {
    const window = this.#window(installationId);
    window.pausedUntil = Math.max(window.pausedUntil, until);
  }

  /** Milliseconds to wait before writing, or 0 after recording the write. */
  #reserve(installationId: number, now: number): number {
    const window = this.#window(installationId);
    const { writes } = window;
    while (writes.length > 0 && (writes[0] ?? 0) <= now - HOUR_MS) writes.shift();
    const wait = writeWaitMs(writes, window.pausedUntil, this.#limits, now);
    if (wait <= 0) writes.push(now);
    return wait;
  }

  #window(installationId: number): InstallationWindow {
    let window = this.#windows.get(installationId);
    if (!window) {
      window = { writes: [], pausedUntil: 0 };
      this.#windows.set(installationId, window);
    }
    return window;
  }
}

export function checkWriteLimits(limits: WriteLimits): void {
  if (!(limits.perMinute >= 1 && limits.perHour >= limits.perMinute)) {
    throw new Error(
      `Write limits must allow at least 1 write per minute and no fewer per hour than per minute; got ${limits.perMinute}/min and ${limits.perHour}/h.`,
    );
  }
}
