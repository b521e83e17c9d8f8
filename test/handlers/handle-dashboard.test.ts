import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DashboardSessions } from "../../src/analytics/dashboard-sessions.ts";
import type { FlowRouteDeps } from "../../src/handlers/flow-route-deps.ts";
import { handleDashboard } from "../../src/handlers/handle-dashboard.ts";

const TOKEN = "dashboard-token";

function deps(sessions: DashboardSessions | null): FlowRouteDeps {
  return { sessions, webHost: "github.com" } as unknown as FlowRouteDeps;
}

describe("handleDashboard", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  async function request(routes: FlowRouteDeps, path: string, init: RequestInit = {}) {
    server = createServer(async (req, res) => {
      if (!(await handleDashboard(req, res, routes))) res.writeHead(404).end("not mine");
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual", ...init });
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  const signIn = (routes: FlowRouteDeps, token: string) =>
    request(routes, "/dashboard/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });

  it("signs in with the token: a strict, HttpOnly session cookie for /dashboard, then a redirect", async () => {
    const routes = deps(new DashboardSessions(TOKEN));
    const first = await request(routes, "/dashboard");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(first.body).toContain("<form");

    expect((await signIn(routes, "wrong")).status).toBe(401);
    const signedIn = await signIn(routes, TOKEN);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/dashboard");
    expect(signedIn.headers.get("set-cookie")).toMatch(
      /^pr_triage_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/dashboard; Max-Age=\d+$/,
    );
  });

  it("refuses an oversized form, and is off (not handled) without DASHBOARD_TOKEN", async () => {
    const routes = deps(new DashboardSessions(TOKEN));
    const huge = await signIn(routes, "x".repeat(5_000));
    expect(huge.status).toBe(413);
    expect(huge.body).toContain("Expected a sign-in form under 4096 bytes");
    expect((await request(routes, "/dashboard/nothing-here")).status).toBe(404);
    expect(await request(deps(null), "/dashboard")).toMatchObject({ status: 404, body: "not mine" });
  });
});
