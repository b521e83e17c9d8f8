import type { IncomingMessage, ServerResponse } from "node:http";
import { errorMessage } from "../errors/error-message.ts";
import type { HealthReport } from "../queue/health-recorder.ts";
import type { QueueStats, StoreHealth } from "../queue/job-store.ts";

export interface HealthSource {
  stats(): Promise<QueueStats>;
  readonly stopping: boolean;
  /** Job failures, stuck jobs and token problems (see HealthRecorder); absent, none are reported. */
  health?(): HealthReport;
  /** The database and this process's leases; without it, only `store.ok` is reported. */
  storeHealth?(): Promise<StoreHealth>;
  /** The last missed-delivery recovery run, when one is scheduled. */
  recovery?(): unknown;
}

/**
 * `GET /healthz`: queue depth, the database and lease state, and the last recovery run, for
 * probes and dashboards. 503 while migrations run and when the store cannot be read, because
 * then no webhook can be recorded either: a load balancer sends deliveries to another replica.
 * 503 `degraded`, with the reasons, when jobs keep failing for good, one runs past its lease,
 * or tokens cannot be minted.
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
    const health = await source.storeHealth?.();
    if (health && !health.ready) {
      status = 503;
      body = {
        status: "starting",
        store: { ok: false, kind: health.kind, ready: false, reason: "migrations are running" },
      };
    } else {
      const queue = await source.stats();
      const report = source.health?.();
      const degraded = (report?.problems.length ?? 0) > 0;
      if (degraded) status = 503;
      body = {
        status: source.stopping ? "draining" : degraded ? "degraded" : "ok",
        queue: { depth: queue.queued + queue.running, ...queue },
        store: health ? { ok: true, kind: health.kind, ready: true } : { ok: true },
        ...(health ? { lease: health.lease, elsewhere: health.elsewhere } : {}),
        ...(source.recovery ? { recovery: source.recovery() ?? null } : {}),
        ...(degraded ? { problems: report?.problems } : {}),
        ...((report?.unavailableInstallations.length ?? 0) > 0
          ? { unavailableInstallations: report?.unavailableInstallations }
          : {}),
      };
    }
  } catch (error) {
    status = 503;
    body = {
      status: "error",
      store: { ok: false, error: errorMessage(error) },
    };
  }
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return true;
}
