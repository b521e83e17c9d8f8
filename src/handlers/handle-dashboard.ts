import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadFlowReport } from "../analytics/load-flow-report.ts";
import { renderDashboard } from "../dashboard/render-dashboard.ts";
import { renderSignIn } from "../dashboard/render-sign-in.ts";
import type { FlowRouteDeps } from "./flow-route-deps.ts";

const COOKIE = "pr_triage_session";
const MAX_FORM_BYTES = 4096;
const ASSETS_DIR = fileURLToPath(new URL("../../assets/dashboard/", import.meta.url));
/** The chart library is served from node_modules: no CDN, and the version is the lockfile's. */
const ASSETS: Record<string, { path: string; type: string }> = {
  "chart.umd.min.js": {
    path: join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js"),
    type: "text/javascript; charset=utf-8",
  },
  "dashboard.js": { path: join(ASSETS_DIR, "dashboard.js"), type: "text/javascript; charset=utf-8" },
  "dashboard.css": { path: join(ASSETS_DIR, "dashboard.css"), type: "text/css; charset=utf-8" },
};
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** `/dashboard`: a sign-in form, then the figures for a session; off (404) without DASHBOARD_TOKEN. */
export async function handleDashboard(
  req: IncomingMessage,
  res: ServerResponse,
  deps: FlowRouteDeps,
): Promise<boolean> {
  const { sessions } = deps;
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!sessions || (url.pathname !== "/dashboard" && !url.pathname.startsWith("/dashboard/"))) return false;
  const html = (status: number, body: string, extra: Record<string, string> = {}) =>
    res
      .writeHead(status, { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS, ...extra })
      .end(body);

  const asset = url.pathname.startsWith("/dashboard/assets/") ? ASSETS[url.pathname.slice(18)] : undefined;
  if (req.method === "GET" && asset) {
    res
      .writeHead(200, { "content-type": asset.type, "x-content-type-options": "nosniff" })
      .end(await readFile(asset.path));
    return true;
  }
  const session = readCookie(req.headers.cookie, COOKIE);
  if (req.method === "POST" && url.pathname === "/dashboard/sign-in") {
    const body = await readBody(req);
    if (body === null) {
      res
        .writeHead(413, { "content-type": "text/plain; charset=utf-8" })
        .end(`Expected a sign-in form under ${MAX_FORM_BYTES} bytes.\n`);
      return true;
    }
    const token = new URLSearchParams(body).get("token") ?? "";
    if (!sessions.checkToken(token)) {
      html(401, renderSignIn(true));
      return true;
    }
    const secure = req.headers["x-forwarded-proto"] === "https" ? "; Secure" : "";
    const cookie = `${COOKIE}=${sessions.create()}; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age=${sessions.ttlMs / 1000}${secure}`;
    res.writeHead(303, { location: "/dashboard", "set-cookie": cookie, "cache-control": "no-store" }).end();
    return true;
  }
  if (req.method === "POST" && url.pathname === "/dashboard/sign-out") {
    sessions.end(session);
    const cleared = `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age=0`;
    res.writeHead(303, { location: "/dashboard", "set-cookie": cleared }).end();
    return true;
  }
  if (req.method !== "GET" || url.pathname !== "/dashboard") {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    return true;
  }
  if (!sessions.valid(session)) {
    html(200, renderSignIn(false));
    return true;
  }
  const { report } = await loadFlowReport(deps.store, Date.now(), deps.webHost);
  const days = Number(url.searchParams.get("days")) || 30;
  const repo = url.searchParams.get("repo") || null;
  html(
    200,
    renderDashboard({
      report,
      repo,
      days,
      queue: await deps.queue.stats(),
      rateLimits: deps.rateLimit.entries(),
    }),
  );
  return true;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/** The form body, or null past the size cap (a sign-in form is a few dozen bytes). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) return null;
  }
  return body;
}
