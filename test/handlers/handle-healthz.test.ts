import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type HealthSource, handleHealthz } from "../../src/handlers/handle-healthz.ts";

describe("handleHealthz", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  async function get(source: HealthSource, path = "/healthz") {
    server = createServer(async (req, res) => {
      if (!(await handleHealthz(req, res, source))) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: response.status === 404 ? null : await response.json() };
  }

  it("reports queue depth and store health", async () => {
    const source = {
      stopping: false,
      stats: async () => ({ queued: 3, running: 2, retrying: 1, failed: 4 }),
    };
    expect(await get(source)).toEqual({
      status: 200,
      body: {
        status: "ok",
        queue: { depth: 5, queued: 3, running: 2, retrying: 1, failed: 4 },
        store: { ok: true },
      },
    });
  });

  it("says when the app is draining for shutdown", async () => {
    const source = { stopping: true, stats: async () => ({ queued: 1, running: 0, retrying: 0, failed: 0 }) };
    expect((await get(source)).body).toMatchObject({ status: "draining", queue: { depth: 1 } });
  });

  it("answers 503 when the store cannot be read, since no webhook could be recorded either", async () => {
    const source = {
      stopping: false,
      stats: async () => {
        throw new Error("disk I/O error");
      },
    };
    expect(await get(source)).toEqual({
      status: 503,
      body: { status: "error", store: { ok: false, error: "disk I/O error" } },
    });
  });

  it("leaves other paths to the next handler", async () => {
    const source = {
      stopping: false,
      stats: async () => ({ queued: 0, running: 0, retrying: 0, failed: 0 }),
    };
    expect((await get(source, "/other")).status).toBe(404);
  });

  const lease = { owner: "pg-1-abc", ms: 15_000, held: 1 };

  it("reports the database, this process's leases, expired leases elsewhere and the last recovery", async () => {
    const source = {
      stopping: false,
      stats: async () => ({ queued: 0, running: 2, retrying: 0, failed: 0 }),
      storeHealth: async () => ({
        kind: "postgres" as const,
        ready: true,
        lease,
        elsewhere: { running: 1, expired: 1 },
      }),
      recovery: () => ({ at: "2024-01-01T00:00:00.000Z", redelivered: 2, enqueued: 1 }),
    };
    expect((await get(source)).body).toMatchObject({
      status: "ok",
      store: { ok: true, kind: "postgres", ready: true },
      lease,
      elsewhere: { running: 1, expired: 1 },
      recovery: { redelivered: 2, enqueued: 1 },
    });
  });

  it("fails readiness (503) while migrations run, without touching the tables", async () => {
    const source = {
      stopping: false,
      stats: async (): Promise<never> => {
        throw new Error("stats must wait for the migrations");
      },
      storeHealth: async () => ({
        kind: "postgres" as const,
        ready: false,
        lease: { ...lease, held: 0 },
        elsewhere: { running: 0, expired: 0 },
      }),
    };
    expect(await get(source)).toEqual({
      status: 503,
      body: {
        status: "starting",
        store: { ok: false, kind: "postgres", ready: false, reason: "migrations are running" },
      },
    });
  });
});
