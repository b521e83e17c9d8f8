import type { Logger } from "probot";
import type { JobStore } from "./job-store.ts";
import type { JobWorker } from "./job-worker.ts";

export interface ShutdownParts {
  worker: JobWorker;
  /** The webhook server: it keeps recording deliveries while jobs drain, so none is refused. */
  server: { stop(): Promise<void> };
  store: JobStore;
  /** Stopped first, so no recovery run outlives the store. */
  recovery?: { stop(): Promise<void> };
  timeoutMs: number;
  log: Logger;
}

/**
 * SIGTERM: take no new jobs, let in-flight ones finish until the deadline, give back the rest
 * (they stay in the store for the next start), then stop the server and close the store.
 */
export async function shutDownGracefully(parts: ShutdownParts, signal: string): Promise<void> {
  const { worker, server, store, timeoutMs, log } = parts;
  log.info({ signal, timeoutMs }, "shutting down: no new jobs; in-flight jobs may finish until the deadline");
  await parts.recovery?.stop();
  const { released } = await worker.stop(timeoutMs);
  if (released > 0) {
    log.warn({ released }, "shutdown deadline reached: unfinished jobs stay queued for the next start");
  }
  await server.stop();
  await store.close();
  log.info("shutdown complete");
}
