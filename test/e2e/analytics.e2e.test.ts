import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteAnalyticsStore } from "../../src/analytics/sqlite-analytics-store.ts";
import { FaultWorld } from "../helpers/fault-harness.ts";
import { DASHBOARD_TOKEN, ROUTED_REVIEWER, sendPrLife, serveRoutingConfig } from "./pr-life.ts";

const HOUR_MS = 3_600_000;

describe("review-flow analytics on the real server: a PR's whole life, then /metrics and /dashboard", () => {
  const world = new FaultWorld();
  let statuses: string[] = [];

  beforeAll(async () => {
    await world.start();
    serveRoutingConfig(world);
    await world.startApp({ DASHBOARD_TOKEN });
    statuses = await sendPrLife(world, 7, Date.now() - 4 * HOUR_MS);
  }, 60_000);
  afterAll(() => world.stop());

  const url = (path: string) => `${world.app.baseUrl}${path}`;

  it("acks every delivery and records the lifecycle once, replays included", async () => {
    expect(statuses.every((s) => s.endsWith(":200"))).toBe(true);
    const store = openSqliteAnalyticsStore(world.dataDir);
    try {
      const snapshot = await store.load(0);
      expect(snapshot.events.map((e) => [e.kind, e.actor])).toEqual([
        ["opened", "Codertocat"],
        ["comment", "some-ci[bot]"],
        ["comment", "Codertocat"],
        ["review", ROUTED_REVIEWER],
        ["merged", "Codertocat"],
      ]);
      expect(snapshot.triages).toMatchObject([
        { repo: "Codertocat/Hello-World", pullNumber: 7, level: "high", routed: [ROUTED_REVIEWER] },
      ]);
      expect(snapshot.triages[0]?.tokens.input).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it("serves /metrics only with the bearer token", async () => {
    expect((await fetch(url("/metrics"))).status).toBe(401);
    const wrong = await fetch(url("/metrics"), { headers: { authorization: "Bearer not-the-token-at-all" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("pr_triage_triages_total");
    const response = await fetch(url("/metrics"), {
      headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('pr_triage_triages_total{level="high"} 1');
    expect(text).toContain('pr_triage_pickup_seconds_count{level="high"} 1');
    // Picked up 2 hours after opening: in the 3 h bucket, not the 1 h one.
    expect(text).toContain('pr_triage_pickup_seconds_bucket{le="3600",level="high"} 0');
    expect(text).toContain('pr_triage_pickup_seconds_bucket{le="10800",level="high"} 1');
    expect(text).toContain("pr_triage_triage_duration_seconds_count 1");
    expect(text).toMatch(/pr_triage_llm_tokens_total\{kind="input"\} [1-9]/);
    expect(text).toContain("pr_triage_llm_cost_usd_total");
    expect(text).toContain('pr_triage_queue_jobs{state="queued"} 0');
    expect(text).toMatch(
      /pr_triage_github_rate_limit_remaining|# TYPE pr_triage_github_rate_limit_remaining gauge/,
    );
  });

  it("shows the dashboard only after signing in, with a session cookie that is not the token", async () => {
    const anonymous = await fetch(url("/dashboard"));
    expect(anonymous.status).toBe(200);
    const form = await anonymous.text();
    expect(form).toContain('<form method="post" action="/dashboard/sign-in">');
    expect(form).not.toContain("data-figure");

    const signIn = (token: string) =>
      fetch(url("/dashboard/sign-in"), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }),
        redirect: "manual",
      });
    const wrong = await signIn("wrong-token-0000000000");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await wrong.text()).not.toContain("data-figure");

    const right = await signIn(DASHBOARD_TOKEN);
    expect(right.status).toBe(303);
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^pr_triage_session=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/dashboard; Max-Age=43200$/,
    );
    expect(cookie).not.toContain(DASHBOARD_TOKEN);

    const page = await fetch(url("/dashboard?days=7"), { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<td data-figure="pickup.high">2.0 h / 2.0 h<span class="n"> (1)</span></td>');
    expect(html).toContain('<p class="big" data-figure="routed.share">100%</p>');
    expect(html).toContain('<td data-figure="mix.high">1</td>');

    const chartJs = await fetch(url("/dashboard/assets/chart.umd.min.js"));
    expect(chartJs.status).toBe(200);
    expect(await chartJs.text()).toContain("Chart");
    const forged = await fetch(url("/dashboard"), { headers: { cookie: "pr_triage_session=forged" } });
    expect(await forged.text()).not.toContain("data-figure");
  });

  it("answers 404 on /metrics and /dashboard when DASHBOARD_TOKEN is unset", async () => {
    await world.terminate();
    await world.startApp({});
    expect(
      (await fetch(url("/metrics"), { headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` } })).status,
    ).toBe(404);
    expect((await fetch(url("/dashboard"))).status).toBe(404);
  });
});
