import type { IncomingMessage, ServerResponse } from "node:http";
import type { QueueStats } from "../queue/job-store.ts";

export interface HealthSource {
  stats(): Promise<QueueStats>;
  readonly stopping: boolean;
}

/**
 * `GET /healthz`: queue depth and store health, for probes and dashboards. 503 when the store
 * cannot be read, because then no webhook can be recorded either.
 */
export async function handleHealthz(
  req: IncomingMessage,
  res: ServerResponse,
  source: HealthSource,
): Promise<boolean> {
  if (req.method !== "GET" || req.url !== "/healthz") return false;
  let status = 200;
  let body: Record<string, unknown>;
  try {
    const queue = await source.stats();
    body = {
      status: source.stopping ? "draining" : "ok",
      queue: { depth: queue.queued + queue.running, ...queue },
      store: { ok: true },
    };
  } catch (error) {
    status = 503;
    body = {
      status: "error",
      store: { ok: false, error: error instanceof Error ? error.message : String(error) },
    };
  }
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}
