import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import type { Finding } from "../../src/findings/finding.ts";
import type { RoutingOutcome } from "../../src/github/request-reviewers.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import type { LlmOutcome } from "../../src/review/triage-result.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import type { PreparedTriage } from "../../src/triage/prepare-triage.ts";

const context = { repoUrl: "https://github.com/acme/app", host: "github.com" };
const usage = { inputTokens: 5200, cachedTokens: 4096, outputTokens: 310, requests: 2 };

function file(path: string, added: string[]): DiffFile {
  return {
    path,
    oldPath: path,
    status: "modified",
    binary: false,
    patchMissing: false,
    oldMode: null,
    newMode: null,
    additions: added.length,
    deletions: 0,
    hunks: [
      {
        oldStart: 1,
        oldLines: 0,
        newStart: 1,
        newLines: added.length,
        section: "",
        lines: added.map((content, i) => ({ kind: "add" as const, content, oldLine: null, newLine: i + 1 })),
      },
    ],
  };
}

function f(overrides: Partial<Finding>): Finding {
  return {
    ruleId: "rule",
    source: "analyzer",
    severity: "medium",
    category: "ci",
    title: "t",
    message: "m",
    path: null,
    line: null,
    startLine: null,
    side: "RIGHT",
    confidence: 1,
    riskFloor: 0,
    policy: null,
    ...overrides,
  };
}

function summarize(
  files: DiffFile[],
  analyzerFindings: Finding[],
  llmFindings: Finding[],
  llm: LlmOutcome,
  analyzersOnly: PreparedTriage["analyzersOnly"] = [],
  summaryContext = context,
) {
  const prepared: PreparedTriage = {
    secrets: [],
    analyzerFindings,
    pack: { chunks: [{ files: files.map((x) => x.path), text: "", tokens: 0 }], skipped: [] },
    analyzersOnly,
  };
  const result = concludeTriage({
    headSha: "0123456789abcdef",
    files,
    config: defaultConfig(),
    prepared,
    llm,
    llmFindings,
    configProblems: [],
  });
  const routing: RoutingOutcome =
    result.risk.level === "low"
      ? { requested: [], skipped: [], failed: [] }
      : {
          requested: [
            {
              reviewer: "team security",
              reason: `routing.${result.risk.level} (PR is ${result.risk.level} risk)`,
            },
          ],
          skipped: [{ reviewer: "@author", reason: "author of the PR" }],
          failed:
            result.risk.level === "critical"
              ? [
                  {
                    reviewer: "team ghosts",
                    reason: "GitHub refused the request (Not Found); check the team slug.",
                  },
                ]
              : [],
        };
  return renderSummary(result, plannedOutcome(result, routing), summaryContext);
}

describe("renderSummary", () => {
  it("sanitizes the endpoint's error for the PR's own host, on GitHub Enterprise too", () => {
    const ghe = { repoUrl: "https://ghe.acme.test/acme/app", host: "ghe.acme.test" };
    const md = summarize(
      [file("src/a.ts", ["x"])],
      [],
      [],
      {
        mode: "unavailable",
        model: "m",
        reason: "see [the runbook](https://ghe.acme.test/acme/ops/wiki) or [this](https://evil.example/x)",
        usage,
        costUsd: null,
      },
      [],
      ghe,
    );
    expect(md).toContain("(https://ghe.acme.test/acme/ops/wiki)");
    expect(md).not.toContain("evil.example");
  });

  it("keeps a low-risk PR short", () => {
    const md = summarize([file("README.md", ["Fix a typo"])], [], [], {
      mode: "ok",
      model: "gpt-4.1-mini",
      usage,
      costUsd: 0.0012,
    });
    expect(md.replace(/<!-- pr-triage:state [^>]* -->/, "<!-- state -->")).toMatchInlineSnapshot(`
      "<!-- pr-triage:summary -->

      <!-- state -->

      ## 🟢 PR Triage: low risk (0/100)

      _AI review by \`gpt-4.1-mini\`: 2 request(s), 5200 input tokens (4096 cached), 310 output tokens, ≈ $0.0012._

      **Where to look first**

      1. \`README.md\` (+1 −0): largest change

      **Estimated review effort:** ~10 min (effort 1/5, low risk)

      No findings.

      ### Coverage
      1 of 1 files reviewed by the AI; all 1 checked by the analyzers."
    `);
  });

  it("explains a high-risk PR: breakdown, findings with links, reviewers", () => {
    const md = summarize(
      [file("src/db.ts", ["import db from './db';", "db.query('SELECT * FROM t WHERE id=' + id);"])],
      [],
      [
        f({
          source: "llm",
          ruleId: "llm/security",
          category: "security",
          severity: "critical",
          confidence: 0.9,
          title: "SQL injection",
          message: "User input reaches SQL. Use a parameterized query.",
          path: "src/db.ts",
          line: 2,
        }),
        f({
          source: "llm",
          ruleId: "llm/bug",
          category: "bug",
          severity: "high",
          confidence: 0.8,
          title: "Unhandled rejection",
          message: "`db.query` returns a promise that is never awaited.",
          path: "src/db.ts",
          line: 2,
        }),
      ],
      { mode: "ok", model: "gpt-4.1-mini", usage, costUsd: 0.0034 },
    );
    expect(md.replace(/<!-- pr-triage:state [^>]* -->/, "<!-- state -->")).toMatchInlineSnapshot(`
      "<!-- pr-triage:summary -->

      <!-- state -->

      ## 🟠 PR Triage: high risk (60/100)

      _AI review by \`gpt-4.1-mini\`: 2 request(s), 5200 input tokens (4096 cached), 310 output tokens, ≈ $0.0034._

      **Where to look first**

      1. \`src/db.ts\` (+2 −0): critical: SQL injection

      **Estimated review effort:** ~10 min (effort 1/5, high risk)

      <details><summary><b>Why this score</b></summary>

      | Signal | Points | Reason |
      |---|---:|---|
      | AI review | +45 | critical: SQL injection (src/db.ts:2) |
      | AI review | +12 | high: Unhandled rejection (src/db.ts:2) |

      Score = max(floor 0, signals 60) = **60**.

      _Rule: score = max(floor, signals). The floor is the strongest single deterministic finding (high or critical severity reaches the high level), or a configured floor. Signals: each finding adds severity points × confidence; within one kind, each further finding counts half the one before, and together they stay below the next level up from the worst severity found, so weak signals alone never make a PR high. A high or critical AI finding with confidence ≥ 0.7 reaches high. Size is counted once, by the large-PR finding, without lockfiles or generated files._

      </details>

      ### Findings

      **critical** (1)
      - [\`src/db.ts:2\`](https://github.com/acme/app/blob/0123456789abcdef/src/db.ts#L2) **SQL injection**: User input reaches SQL. Use a parameterized query. _(inline comment)_

      **high** (1)
      - [\`src/db.ts:2\`](https://github.com/acme/app/blob/0123456789abcdef/src/db.ts#L2) **Unhandled rejection**: \`db.query\` returns a promise that is never awaited. _(inline comment)_

      ### Reviewers
      - Requested team security: routing.high (PR is high risk)
      - Not requested @author: author of the PR

      ### Coverage
      1 of 1 files reviewed by the AI; all 1 checked by the analyzers."
    `);
  });

  it("puts the critical verdict, floor and the needs-human warning on top", () => {
    const md = summarize(
      [
        file(".github/workflows/ci.yml", ["on: pull_request_target", "      - run: npx -y some-tool"]),
        file(".env.local", ["API_KEY=[REDACTED]"]),
      ],
      [
        f({
          ruleId: "secrets/generic-api-key",
          category: "secrets",
          severity: "critical",
          riskFloor: 90,
          title: "Secret in added line",
          message:
            "A live-looking API key (`sk-…f3a9`) was added. Revoke it and load it from a secret store.",
          path: ".env.local",
          line: 1,
        }),
        f({
          ruleId: "ci/pull-request-target",
          category: "ci",
          severity: "high",
          riskFloor: 70,
          title: "pull_request_target workflow",
          message: "Runs with write token on PR code.",
          path: ".github/workflows/ci.yml",
          line: 1,
        }),
      ],
      [],
      {
        mode: "unavailable",
        model: "gpt-4.1-mini",
        reason: "the LLM request timed out",
        usage: { ...usage, requests: 1, outputTokens: 0 },
        costUsd: null,
      },
      [{ path: "package-lock.json", reason: "lockfile" }],
    );
    expect(md.replace(/<!-- pr-triage:state [^>]* -->/, "<!-- state -->")).toMatchInlineSnapshot(`
      "<!-- pr-triage:summary -->

      <!-- state -->

      ## 🔴 PR Triage: critical risk (90/100)

      > [!WARNING]
      > **AI review unavailable: needs human review.**

      _AI review (\`gpt-4.1-mini\`) failed: the LLM request timed out. 1 request(s), 5200 input tokens (4096 cached), 0 output tokens, cost unknown._

      **Where to look first**

      1. \`.env.local\` (+1 −0): critical: Secret in added line
      2. \`.github/workflows/ci.yml\` (+2 −0): high: CI workflow change

      **Estimated review effort:** ~15 min (effort 1/5, critical risk)

      <details><summary><b>Why this score</b></summary>

      | Signal | Points | Reason |
      |---|---:|---|
      | floor | 90 | Secret in added line |
      | secrets | +50 | critical: Secret in added line (.env.local:1) |
      | ci | +30 | high: pull_request_target workflow (.github/workflows/ci.yml:1) |

      Score = max(floor 90, signals 80) = **90**.

      _Rule: score = max(floor, signals). The floor is the strongest single deterministic finding (high or critical severity reaches the high level), or a configured floor. Signals: each finding adds severity points × confidence; within one kind, each further finding counts half the one before, and together they stay below the next level up from the worst severity found, so weak signals alone never make a PR high. A high or critical AI finding with confidence ≥ 0.7 reaches high. Size is counted once, by the large-PR finding, without lockfiles or generated files._

      \`\`\`mermaid
      pie showData title Risk signals
        "secrets" : 50
        "ci" : 30
      \`\`\`

      </details>

      ### Findings

      **critical** (1)
      - [\`.env.local:1\`](https://github.com/acme/app/blob/0123456789abcdef/.env.local#L1) **Secret in added line**: A live-looking API key (\`sk-…f3a9\`) was added. Revoke it and load it from a secret store. _(inline comment)_

      **high** (1)
      - [\`.github/workflows/ci.yml:1\`](https://github.com/acme/app/blob/0123456789abcdef/.github/workflows/ci.yml#L1) **pull_request_target workflow**: Runs with write token on PR code. _(inline comment)_

      ### Reviewers
      - Requested team security: routing.critical (PR is critical risk)
      - Not requested @author: author of the PR
      - ⚠️ Could not request team ghosts: GitHub refused the request (Not Found); check the team slug.

      ### Coverage
      0 of 2 files reviewed by the AI (AI review unavailable); all 2 checked by the analyzers."
    `);
  });
});
