import type { IncomingMessage, ServerResponse } from "node:http";
import type { HealthReport } from "../queue/health-recorder.ts";
import type { QueueStats } from "../queue/job-store.ts";

export interface HealthSource {
  stats(): Promise<QueueStats>;
  readonly stopping: boolean;
  /** Absent in callers that only know the queue. */
  health?(): HealthReport;
}

/**
 * `GET /healthz`: queue depth and store health, for probes and dashboards. 503 when the store
 * cannot be read, because then no webhook can be recorded either, and 503 `degraded` with the
 * reasons when jobs keep failing for good, one runs past its lease, or tokens cannot be minted.
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
    const health = source.health?.();
    const degraded = (health?.problems.length ?? 0) > 0;
    if (degraded) status = 503;
    body = {
      status: source.stopping ? "draining" : degraded ? "degraded" : "ok",
      queue: { depth: queue.queued + queue.running, ...queue },
      store: { ok: true },
      ...(degraded ? { problems: health?.problems } : {}),
      ...((health?.unavailableInstallations.length ?? 0) > 0
        ? { unavailableInstallations: health?.unavailableInstallations }
        : {}),
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
