import { describe, expect, it } from "vitest";
import { toTriageRecord } from "../../src/analytics/to-triage-record.ts";
import { analyzerFinding } from "../../src/analyzers/analyzer-finding.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import type { PublishOutcome } from "../../src/review/publish-outcome.ts";
import type { TriageResult } from "../../src/review/triage-result.ts";

const provenance = analyzerFinding({
  ruleId: "agent-provenance/agent-authored",
  severity: "low",
  category: "provenance",
  title: "Pull request written by an AI agent",
  message: "agent",
  riskFloor: 20,
});
const secret = {
  ...analyzerFinding({
    ruleId: "secrets/aws",
    severity: "critical",
    category: "secrets",
    title: "AWS key",
    message: "key",
    riskFloor: 90,
  }),
  path: "a.ts",
  line: 3,
};

function result(overrides: Partial<TriageResult>): TriageResult {
  return {
    headSha: "b".repeat(40),
    risk: {
      score: 91,
      level: "critical",
      floor: 90,
      floorReason: null,
      combined: 91,
      contributions: [],
      needsHuman: false,
    },
    findings: [provenance, secret],
    inline: [
      { finding: secret, anchor: { path: "a.ts", line: 3, side: "RIGHT", startLine: null, moved: false } },
    ],
    summaryOnly: [],
    coverage: { totalFiles: 1, notListed: 0, llmReviewed: [], analyzersOnly: [] },
    llm: {
      mode: "ok",
      model: "m",
      usage: { inputTokens: 900, cachedTokens: 100, outputTokens: 50, requests: 1 },
      costUsd: 0.004,
    },
    configProblems: [],
    fingerprints: new Map([[secret, "0123456789abcdef"]]),
    state: { headSha: "b".repeat(40), findings: {} },
    delta: null,
    ignored: [],
    guide: {
      whatChanged: null,
      hotspots: [],
      effort: { minutes: 5, level: 1, capped: false, weightedLines: 0 },
    },
    policies: null,
    ...overrides,
  };
}

/** Published as planned, with the reviewers the routing asked for. */
function outcome(overrides: Partial<PublishOutcome>): PublishOutcome {
  return {
    ...plannedOutcome(result({})),
    routing: {
      requested: [
        { reviewer: "@alice", reason: "critical" },
        { reviewer: "team security", reason: "critical" },
      ],
      skipped: [
        { reviewer: "@bob", reason: "already requested" },
        { reviewer: "@dev", reason: "author of the PR" },
      ],
      failed: [{ reviewer: "@typo", reason: "not a collaborator" }],
    },
    ...overrides,
  };
}

describe("toTriageRecord", () => {
  const job = { deliveryId: "d1", owner: "acme", repo: "api", pullNumber: 7 };

  it("keeps levels, logins and counts: routed reviewers (not the author, not refused), provenance, usage, posted rules", () => {
    expect(toTriageRecord(job, result({}), outcome({}), { eventAt: 1, completedAt: 2 })).toEqual({
      deliveryId: "d1",
      repo: "acme/api",
      pullNumber: 7,
      headSha: "b".repeat(40),
      level: "critical",
      score: 91,
      authorKind: "agent",
      routed: ["alice", "team:security", "bob"],
      tokens: { input: 900, cached: 100, output: 50 },
      costUsd: 0.004,
      eventAt: 1,
      completedAt: 2,
      posted: [{ fingerprint: "0123456789abcdef", ruleId: "secrets/aws" }],
      ignored: [],
    });
  });

  it("keeps a maintainer's /triage ignore as feedback on its rule, not the repository's config suppressions", () => {
    const record = toTriageRecord(
      job,
      result({
        ignored: [
          { finding: secret, fingerprint: "1111111111111111", by: "maintainer", scope: "this finding" },
          { finding: provenance, fingerprint: "2222222222222222", by: null, scope: "ignore.rules" },
        ],
      }),
      outcome({}),
      { eventAt: 1, completedAt: 2 },
    );
    expect(record.ignored).toEqual([{ fingerprint: "1111111111111111", ruleId: "secrets/aws" }]);
  });

  it("records a human author and no usage when the LLM did not run", () => {
    const record = toTriageRecord(
      job,
      result({ findings: [secret], llm: { mode: "no-key" } }),
      outcome({ routing: null }),
      {
        eventAt: 1,
        completedAt: 2,
      },
    );
    expect(record).toMatchObject({
      authorKind: "human",
      routed: [],
      tokens: { input: 0, cached: 0, output: 0 },
      costUsd: null,
    });
  });
});
