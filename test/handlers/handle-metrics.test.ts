import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FlowRouteDeps } from "../../src/handlers/flow-route-deps.ts";
import { handleMetrics } from "../../src/handlers/handle-metrics.ts";

const TOKEN = "dashboard-token";

function deps(withSessions = true): FlowRouteDeps {
  return {
    store: { load: async () => ({ loaded: true }) },
    sessions: withSessions ? { checkBearer: (header?: string) => header === `Bearer ${TOKEN}` } : null,
    queue: { stats: async () => ({ queued: 2, running: 1, retrying: 0, failed: 0 }) },
    rateLimit: { entries: () => [] },
    metrics: {
      registry: { contentType: "text/plain; version=0.0.4" },
      render: async (snapshot: unknown, stats: { queued: number }) =>
        `snapshot ${JSON.stringify(snapshot)}\nqueued ${stats.queued}\n`,
    },
    webHost: "github.com",
  } as unknown as FlowRouteDeps;
}

describe("handleMetrics", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  async function get(routes: FlowRouteDeps, path: string, authorization?: string) {
    server = createServer(async (req, res) => {
      if (!(await handleMetrics(req, res, routes))) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: authorization ? { authorization } : {},
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: await response.text(),
    };
  }

  it("serves the Prometheus text for the right bearer token, and says how to fix a wrong one", async () => {
    expect(await get(deps(), "/metrics?x=1", `Bearer ${TOKEN}`)).toEqual({
      status: 200,
      type: "text/plain; version=0.0.4",
      body: 'snapshot {"loaded":true}\nqueued 2\n',
    });
    const refused = await get(deps(), "/metrics", "Bearer wrong");
    expect(refused.status).toBe(401);
    expect(refused.body).toContain("Expected `Authorization: Bearer <DASHBOARD_TOKEN>`");
  });

  it("is off without DASHBOARD_TOKEN, and answers only GET /metrics", async () => {
    expect((await get(deps(false), "/metrics", `Bearer ${TOKEN}`)).status).toBe(404);
    expect((await get(deps(), "/metricsx", `Bearer ${TOKEN}`)).status).toBe(404);
  });
});
