import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePrDiff } from "../../bench/generate-pr-diff.ts";
import { configSchema } from "../../src/config/config-schema.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { filesChangedUrl } from "../../src/render/files-changed-url.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { MAX_COMMENT_CHARS } from "../../src/render/sanitize-markdown.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import type { LlmOutcome } from "../../src/review/triage-result.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { prepareTriage } from "../../src/triage/prepare-triage.ts";

const DIFF = resolve(import.meta.dirname, "../../../shared/corpus/prs/express-7335.diff");
const LEAKED_KEY = "rpl_live_b316c6aea56506cde0af531b5543f89f432f19b43e6d7845";
const context = { repoUrl: "https://github.com/expressjs/express", host: "github.com", pullNumber: 7335 };
const usage = { inputTokens: 21_400, cachedTokens: 18_000, outputTokens: 640, requests: 1 };
const llmOk: LlmOutcome = { mode: "ok", model: "gpt-4.1-mini", usage, costUsd: 0.0123 };

const config = configSchema.parse({
  risk: { sensitivePaths: [{ pattern: "lib/router/**", reason: "Request routing" }] },
});
const pr = { author: "contributor", authorType: "User", headRef: "feature", title: "Add tooling", body: "" };
/** The analyzers' pass is the slow part (secretlint on 3,000 files): once per parsed diff. */
const preparedFor = new WeakMap<DiffFile[], ReturnType<typeof prepareTriage>>();

async function triage(files: DiffFile[], llm: LlmOutcome, whatChanged: string[] | null) {
  const pending = preparedFor.get(files) ?? prepareTriage({ files, config, pr }, 30_000);
  preparedFor.set(files, pending);
  const prepared = await pending;
  const result = concludeTriage({
    headSha: "7335733573357335",
    files,
    config,
    prepared,
    llm,
    llmFindings: [],
    configProblems: [],
    whatChanged,
  });
  return renderSummary(result, plannedOutcome(result, { requested: [], skipped: [], failed: [] }), context);
}

/** The guide sits between the verdict and the folded score breakdown. */
function guideOf(summary: string): string {
  const start = summary.indexOf("\n## ");
  const end = summary.indexOf("<details><summary><b>Why this score");
  return summary.slice(start + 1, end < 0 ? undefined : end).trim();
}

describe("filesChangedUrl", () => {
  it("anchors a file at #diff-<sha256 of its path>, as GitHub does", () => {
    // Hashes from `printf <path> | sha256sum`, independent of the code under test.
    expect(filesChangedUrl("https://github.com/a/b", 12, "README.md")).toBe(
      "https://github.com/a/b/pull/12/files#diff-b335630551682c19a781afebcf4d07bf978fb1f8ac04c6bf87428ed5106870f5",
    );
    expect(filesChangedUrl("https://github.com/a/b", 12, "lib/router/index.js")).toMatch(
      /#diff-273bca7584dbf5c5f3b1998d3ee3bc88bfb131f20e8029de8ee34cdbad824e68$/,
    );
  });
});

describe.skipIf(!existsSync(DIFF))("review guide on express-7335 (skipped: ../shared/corpus absent)", () => {
  const files = () => parseUnifiedDiff(readFileSync(DIFF, "utf8"));

  it("analyzers only: no 'What changed', riskiest files first, effort with the level", async () => {
    const summary = await triage(files(), { mode: "no-key" }, ["never shown: no AI review ran"]);
    expect(summary).not.toContain("never shown");
    expect(guideOf(summary)).toMatchInlineSnapshot(`
      "## 🔴 PR Triage: critical risk (100/100)

      _Analyzers-only mode: no \`OPENAI_API_KEY\` is configured, so no AI review ran._

      **Where to look first**

      1. [\`.env.local\`](https://github.com/expressjs/express/pull/7335/files#diff-74dd9d08974aed4457940214a64b43ce175d062d74e72309b003f02c24f98b30) (+2 −0): critical: secret in the diff
      2. [\`.github/workflows/ripple.yml\`](https://github.com/expressjs/express/pull/7335/files#diff-ab9a4dcb5563851074ef7b61ad9ba2326f2db605e996145c29d2bea78efa2a73) (+30 −0): high: CI workflow change
      3. [\`.cursorrules\`](https://github.com/expressjs/express/pull/7335/files#diff-315161dd3154081cb28d119355d3dd6de62ddc800ac1a12f8eb903e59047a018) (+9 −0): high: AI-agent configuration
      4. [\`.npmrc\`](https://github.com/expressjs/express/pull/7335/files#diff-e813096d69c49812e40e00be9ac8fa14d77f0ec1f97ab4c45cb096b3bedd35de) (+0 −4): high: dependency change
      5. [\`package.json\`](https://github.com/expressjs/express/pull/7335/files#diff-7ae45ad102eab3b6d7e7896acd08c427a9b25b346470d7bc6507b6481575d519) (+2 −0): low: dependency change

      **Estimated review effort:** ~1 h 50 min (effort 4/5, critical risk)"
    `);
  });

  it("with the LLM: the model's lines, sanitized and redacted, at most six", async () => {
    const summary = await triage(files(), llmOk, [
      "Tooling: adds `.cursorrules` with agent instructions for @maintainers",
      `Config: adds \`.env.local\` holding ${LEAKED_KEY}`,
      "CI: new workflow running an `npx -y` package on pull_request, see https://evil.example/x",
      "Build: removes `ignore-scripts=true` from `.npmrc`",
      "Dependencies: new devDependencies from an unknown scope <img src=x onerror=alert(1)>",
      "## Docs: ```none```",
      "Seventh line, cut",
    ]);
    expect(summary).not.toContain(LEAKED_KEY);
    expect(summary).not.toContain("Seventh line");
    expect(guideOf(summary)).toMatchInlineSnapshot(`
      "## 🔴 PR Triage: critical risk (100/100)

      _AI review by \`gpt-4.1-mini\`: 1 request(s), 21400 input tokens (18000 cached), 640 output tokens, ≈ $0.01._

      **What changed** _(AI summary)_

      - Tooling: adds \`.cursorrules\` with agent instructions for @‍maintainers
      - Config: adds \`.env.local\` holding [REDACTED SECRET]
      - CI: new workflow running an \`npx -y\` package on pull_request, see (link removed)
      - Build: removes \`ignore-scripts=true\` from \`.npmrc\`
      - Dependencies: new devDependencies from an unknown scope 
      - Docs: \`none\`

      **Where to look first**

      1. [\`.env.local\`](https://github.com/expressjs/express/pull/7335/files#diff-74dd9d08974aed4457940214a64b43ce175d062d74e72309b003f02c24f98b30) (+2 −0): critical: secret in the diff
      2. [\`.github/workflows/ripple.yml\`](https://github.com/expressjs/express/pull/7335/files#diff-ab9a4dcb5563851074ef7b61ad9ba2326f2db605e996145c29d2bea78efa2a73) (+30 −0): high: CI workflow change
      3. [\`.cursorrules\`](https://github.com/expressjs/express/pull/7335/files#diff-315161dd3154081cb28d119355d3dd6de62ddc800ac1a12f8eb903e59047a018) (+9 −0): high: AI-agent configuration
      4. [\`.npmrc\`](https://github.com/expressjs/express/pull/7335/files#diff-e813096d69c49812e40e00be9ac8fa14d77f0ec1f97ab4c45cb096b3bedd35de) (+0 −4): high: dependency change
      5. [\`package.json\`](https://github.com/expressjs/express/pull/7335/files#diff-7ae45ad102eab3b6d7e7896acd08c427a9b25b346470d7bc6507b6481575d519) (+2 −0): low: dependency change

      **Estimated review effort:** ~1 h 50 min (effort 4/5, critical risk)"
    `);
  });
});

describe("review guide on the 3,000-file benchmark PR", () => {
  let parsed: DiffFile[] | undefined;
  const files = () => {
    parsed ??= parseUnifiedDiff(generatePrDiff({ files: 3_000, changedLines: 100_000, seed: 7 }));
    return parsed;
  };

  it("stays well under GitHub's 65,536-character cap, analyzers only and with the LLM", async () => {
    for (const [llm, lines] of [
      [{ mode: "no-key" }, null],
      [llmOk, ["Handlers: reworks 3,000 request handlers", "Tests: none"]],
    ] as const) {
      const summary = await triage(files(), llm, lines === null ? null : [...lines]);
      expect(summary).not.toContain("truncated to fit");
      // Room to spare: a quarter of the cap stays free for findings, routing and policies.
      expect(summary.length).toBeLessThan(MAX_COMMENT_CHARS * 0.75);
    }
  }, 60_000);

  it("analyzers only: effort and the biggest changes, no 'What changed'", async () => {
    const summary = await triage(files(), { mode: "no-key" }, null);
    expect(guideOf(summary)).toMatchInlineSnapshot(`
      "## 🟡 PR Triage: medium risk (30/100)

      _Analyzers-only mode: no \`OPENAI_API_KEY\` is configured, so no AI review ran._

      **Where to look first**

      1. [\`packages/pkg-0/src/module-0/file-0.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-93a40f29653c257c6e1741575f553fbd525e691a8ed168da893987f502aac32b) (+23 −12): largest change
      2. [\`packages/pkg-0/src/module-40/file-40.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-f5b9577c92f2fcade066c4b7273605146e925a1d97d36ab6bde1a4bf7077802e) (+24 −11): largest change
      3. [\`packages/pkg-1/src/module-1/file-1.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-f931ccad2432a25ace13ca14fdbd4b1c224759fcfdc8c83addfe1eb6508c3afe) (+24 −11): largest change
      4. [\`packages/pkg-10/src/module-10/file-10.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-9bb459fa2a0d2237c9dc19a2e2335ea0c3c639cc6f9b0377439eb53e16824142) (+23 −12): largest change
      5. [\`packages/pkg-11/src/module-11/file-11.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-a288ec0e492be405df385a7ff3f8a3b6cbe611bf7f23400629b97a7f9676a794) (+35 −0): new file

      **Estimated review effort:** more than 4 h: consider splitting the PR (effort 5/5, medium risk)"
    `);
  });

  it("names five files at most and says to split a PR past four hours", async () => {
    const summary = await triage(files(), llmOk, ["Handlers: reworks 3,000 request handlers"]);
    expect(guideOf(summary)).toMatchInlineSnapshot(`
      "## 🟡 PR Triage: medium risk (30/100)

      _AI review by \`gpt-4.1-mini\`: 1 request(s), 21400 input tokens (18000 cached), 640 output tokens, ≈ $0.01._

      **What changed** _(AI summary)_

      - Handlers: reworks 3,000 request handlers

      **Where to look first**

      1. [\`packages/pkg-0/src/module-0/file-0.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-93a40f29653c257c6e1741575f553fbd525e691a8ed168da893987f502aac32b) (+23 −12): largest change
      2. [\`packages/pkg-0/src/module-40/file-40.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-f5b9577c92f2fcade066c4b7273605146e925a1d97d36ab6bde1a4bf7077802e) (+24 −11): largest change
      3. [\`packages/pkg-1/src/module-1/file-1.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-f931ccad2432a25ace13ca14fdbd4b1c224759fcfdc8c83addfe1eb6508c3afe) (+24 −11): largest change
      4. [\`packages/pkg-10/src/module-10/file-10.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-9bb459fa2a0d2237c9dc19a2e2335ea0c3c639cc6f9b0377439eb53e16824142) (+23 −12): largest change
      5. [\`packages/pkg-11/src/module-11/file-11.ts\`](https://github.com/expressjs/express/pull/7335/files#diff-a288ec0e492be405df385a7ff3f8a3b6cbe611bf7f23400629b97a7f9676a794) (+35 −0): new file

      **Estimated review effort:** more than 4 h: consider splitting the PR (effort 5/5, medium risk)"
    `);
  });
});
