import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { prepareTriage } from "../../src/triage/prepare-triage.ts";
import { CHROMIUM, launchChromium } from "../helpers/launch-chromium.ts";

const DIFF = resolve(import.meta.dirname, "../../../shared/corpus/prs/express-7335.diff");
const OUT = resolve(import.meta.dirname, "../../test-results");

/** Close enough to GitHub's comment styles for a person to judge the layout. */
const CSS = `body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;max-width:880px;margin:24px auto;padding:16px 24px;border:1px solid #d1d9e0;border-radius:6px}
code{background:#eff1f3;padding:.1em .3em;border-radius:4px;font-size:85%}pre{background:#f6f8fa;padding:12px;border-radius:6px}
table{border-collapse:collapse}td,th{border:1px solid #d1d9e0;padding:4px 10px}a{color:#0969da;text-decoration:none}
blockquote{border-left:4px solid #d1d9e0;margin:0;padding:0 12px;color:#59636e}details{margin:8px 0}summary{cursor:pointer}`;

// Under CI=true a missing Chromium fails the test instead of skipping it (.ci/run installs it).
describe.skipIf((!existsSync(CHROMIUM) && process.env.CI !== "true") || !existsSync(DIFF))(
  "the summary as GitHub would show it (skipped: needs /usr/bin/chromium, `apt-get install chromium`, and ../shared/corpus)",
  () => {
    it("renders the guide first and the details folded, in headless Chromium", async () => {
      const files = parseUnifiedDiff(readFileSync(DIFF, "utf8"));
      const config = configSchema.parse({});
      const pr = {
        author: "contributor",
        authorType: "User",
        headRef: "feature",
        title: "Add tooling",
        body: "",
      };
      const prepared = await prepareTriage({ files, config, pr }, 30_000);
      const result = concludeTriage({
        headSha: "7335733573357335",
        files,
        config,
        prepared,
        llm: {
          mode: "ok",
          model: "gpt-4.1-mini",
          usage: { inputTokens: 21_400, cachedTokens: 18_000, outputTokens: 640, requests: 1 },
          costUsd: 0.0123,
        },
        llmFindings: [],
        configProblems: [],
        whatChanged: [
          'Tooling: adds `.cursorrules` with agent "protocol" instructions',
          "Config: adds `.env.local` and `.ripple/*.json` state files",
          "CI: new `ripple.yml` workflow running an `npx -y` package on pull_request",
          "Build: removes `ignore-scripts=true` from `.npmrc`; new devDependencies",
        ],
        previousState: {
          headSha: "0000000000000000",
          findings: {},
          ignored: [{ kind: "rule", ruleId: "missing-tests/source-without-tests", by: "maintainer" }],
        },
      });
      const outcome = plannedOutcome(result, {
        requested: [{ reviewer: "team security", reason: "routing.critical (PR is critical risk)" }],
        skipped: [],
        failed: [],
      });
      const markdown = renderSummary(result, outcome, {
        repoUrl: "https://github.com/expressjs/express",
        host: "github.com",
        pullNumber: 7335,
      });
      const html = await marked.parse(markdown, { gfm: true });

      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 960, height: 800 } });
        // Nothing leaves the machine: the page is self-contained, and every request is refused.
        await page.route("**/*", (route) => route.abort());
        await page.setContent(
          `<!doctype html><meta charset="utf-8"><style>${CSS}</style><body>${html}</body>`,
        );
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
        const text = await page.innerText("body");
        expect(text.indexOf("What changed")).toBeLessThan(text.indexOf("Findings"));
        expect(text).not.toContain("pr-triage:state");
        // Folded: the breakdown's table is in the DOM but not shown until opened.
        expect(await page.locator("details").count()).toBeGreaterThanOrEqual(2);
        expect(await page.getByText("Score = max(").first().isVisible()).toBe(false);
        expect(await page.locator('a[href*="/pull/7335/files#diff-"]').count()).toBe(5);
        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: resolve(OUT, "summary.png"), fullPage: true });
      } finally {
        await browser.close();
      }
      expect(statSync(resolve(OUT, "summary.png")).size).toBeGreaterThan(10_000);
    }, 60_000);
  },
);
