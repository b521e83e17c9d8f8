import type { Octokit } from "./octokit.ts";
import { rateLimitDelayMs } from "./rate-limit-delay-ms.ts";
import type { WriteGate } from "./write-gate.ts";

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * Routes one installation client's writes through the pacer, and when GitHub answers a rate
 * limit, holds every later write of that installation for as long as GitHub asked.
 */
export function paceWrites(octokit: Octokit, pacer: WriteGate, installationId: number): void {
  octokit.hook.wrap("request", async (request, options) => {
    if (!READ_METHODS.has(options.method)) await pacer.acquire(installationId);
    try {
      return await request(options);
    } catch (error) {
      const now = Date.now();
      const delay = rateLimitDelayMs(error, now);
      if (delay !== undefined) pacer.pause(installationId, now + delay);
      throw error;
    }
  });
}
