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
});
