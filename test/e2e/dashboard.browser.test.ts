import { existsSync, mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHours } from "../../src/analytics/format-hours.ts";
import { loadFlowReport } from "../../src/analytics/load-flow-report.ts";
import { openSqliteAnalyticsStore } from "../../src/analytics/sqlite-analytics-store.ts";
import { FaultWorld } from "../helpers/fault-harness.ts";
import { CHROMIUM, launchChromium } from "../helpers/launch-chromium.ts";
import { DASHBOARD_TOKEN, sendPrLife, serveRoutingConfig } from "./pr-life.ts";

export const SCREENSHOT = "test-results/dashboard.png";
const HOUR_MS = 3_600_000;
// Under CI the browser test must run: a missing Chromium fails it instead of skipping.
const available = existsSync(CHROMIUM) || process.env.CI === "true";
if (!available)
  console.log(`dashboard browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!available)("the dashboard in headless Chromium", () => {
  const world = new FaultWorld();

  beforeAll(async () => {
    await world.start();
    serveRoutingConfig(world);
    await world.startApp({ DASHBOARD_TOKEN });
    // Two PRs a week apart, so the pickup chart has two points.
    await sendPrLife(world, 11, Date.now() - 8 * 24 * HOUR_MS);
    await sendPrLife(world, 12, Date.now() - 5 * HOUR_MS);
  }, 90_000);
  afterAll(() => world.stop());

  it("signs in, shows the store's figures, and draws the charts", async () => {
    expect(
      existsSync(CHROMIUM),
      `${CHROMIUM} is required under CI=true; install Debian's chromium package`,
    ).toBe(true);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const failed: string[] = [];
      page.on("response", (response) => {
        const path = new URL(response.url()).pathname;
        if (response.status() >= 400 && path !== "/favicon.ico") failed.push(`${response.status()} ${path}`);
      });
      await page.goto(`${world.app.baseUrl}/dashboard`);
      await page.getByLabel("Dashboard token").fill("wrong-token-0000000000");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("not valid");
      expect(await page.locator("[data-figure]").count()).toBe(0);

      await page.getByLabel("Dashboard token").fill(DASHBOARD_TOKEN);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByLabel("Period").selectOption("30");
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/days=30/);

      const store = openSqliteAnalyticsStore(world.dataDir);
      const { report } = await loadFlowReport(store, Date.now(), "github.com").finally(() => store.close());
      const figures = report.windows.find((w) => w.days === 30);
      if (!figures) throw new Error("the report has no 30-day window");
      const shown = (key: string) => page.locator(`[data-figure="${key}"]`).first().textContent();
      expect(await shown("pickup.all.p75")).toBe(formatHours(figures.pickup.all.p75Hours));
      expect(await shown("cycle.all.p75")).toBe(formatHours(figures.cycle.all.p75Hours));
      expect(await shown("routed.share")).toBe(`${Math.round((figures.routedReview.share ?? 0) * 100)}%`);
      expect(await shown("mix.high")).toBe(String(figures.riskMix.high));
      expect(figures.pickup.all.count).toBe(2);
      expect(figures.riskMix.high).toBe(2);

      // Chart.js drew something: a blank canvas is all transparent.
      // The page's own code, as text: this project's TypeScript has no DOM types.
      const painted = await page.evaluate<boolean[]>(`["pickup-chart", "mix-chart"].map((id) => {
        const canvas = document.getElementById(id);
        const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        return pixels.some((value, i) => i % 4 === 3 && value > 0);
      })`);
      expect(painted).toEqual([true, true]);
      expect(errors).toEqual([]);
      // Only the wrong token failed: the chart library and the page's assets all loaded.
      expect(failed).toEqual(["401 /dashboard/sign-in"]);
      // No horizontal scrolling of the page itself in a narrow window (tables scroll inside).
      expect(await page.evaluate<boolean>("document.documentElement.scrollWidth <= window.innerWidth")).toBe(
        true,
      );

      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
