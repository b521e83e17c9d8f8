import type { IncomingMessage, ServerResponse } from "node:http";
import type { FlowRouteDeps } from "./flow-route-deps.ts";

/** `GET /metrics`, Prometheus text format, behind `Authorization: Bearer $DASHBOARD_TOKEN`. */
export async function handleMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  deps: FlowRouteDeps,
): Promise<boolean> {
  const { sessions } = deps;
  if (!sessions || req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") return false;
  if (!sessions.checkBearer(req.headers.authorization)) {
    res
      .writeHead(401, {
        "content-type": "text/plain; charset=utf-8",
        "www-authenticate": 'Bearer realm="pr-triage"',
      })
      .end(
        "Expected `Authorization: Bearer <DASHBOARD_TOKEN>`; the header was missing or the token did not match.\n",
      );
    return true;
  }
  const snapshot = await deps.store.load(0);
  const body = await deps.metrics.render(snapshot, await deps.queue.stats(), deps.rateLimit.entries());
  res
    .writeHead(200, { "content-type": deps.metrics.registry.contentType, "cache-control": "no-store" })
    .end(body);
  return true;
}
