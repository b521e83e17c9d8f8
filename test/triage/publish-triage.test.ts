import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig, type TriageConfig } from "../../src/config/config-schema.ts";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { type PublishTarget, publishTriage } from "../../src/triage/publish-triage.ts";
import { nockCreateComment, nockListReviews } from "../helpers/nock-github.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const REPO = { owner: "Codertocat", repo: "Hello-World" };
const HEAD = "a".repeat(40);
const FILE = parseFilePatch({
  filename: "src/app.ts",
  status: "modified",
  additions: 1,
  deletions: 0,
  patch: "@@ -1,1 +1,2 @@\n export const a = 1;\n+export const b = eval(input);",
});
const EVAL: Finding = {
  ruleId: "llm/security",
  source: "llm",
  severity: "high",
  category: "security",
  title: "eval of user input",
  message: "Parse the input instead.",
  path: "src/app.ts",
  line: 2,
  startLine: null,
  side: "RIGHT",
  confidence: 1,
  riskFloor: 80,
  policy: null,
};

function triaged(config: TriageConfig) {
  return concludeTriage({
    headSha: HEAD,
    files: [FILE],
    config,
    prepared: { secrets: [], analyzerFindings: [], pack: { chunks: [], skipped: [] }, analyzersOnly: [] },
    llm: { mode: "no-key" },
    llmFindings: [EVAL],
    configProblems: [],
  });
}

const target: PublishTarget = {
  repo: REPO,
  pullNumber: 7,
  headSha: HEAD,
  author: "octocat",
  labels: [],
  requestedUsers: [],
  requestedTeams: [],
  repoUrl: "https://github.com/Codertocat/Hello-World",
  webHost: "github.com",
  previousSummary: null,
  identity: { appId: 1, login: "pr-triage[bot]" },
};

describe("publishTriage", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("returns what GitHub took as its outcome, leaving the result as the core made it", async () => {
    const config: TriageConfig = {
      ...defaultConfig(),
      labels: false,
      routing: { ...defaultConfig().routing, high: { users: ["lead"], teams: [] } },
    };
    const result = triaged(config);
    expect(result.risk.level).toBe("high");
    expect(result.inline.map((entry) => entry.finding)).toEqual([EVAL]);
    const reviews: Record<string, unknown>[] = [];
    const posted: Record<string, unknown>[] = [];
    const scopes = [
      nockListReviews(7),
      // GitHub refuses the inline comment; the review is posted again without it.
      nock("https://api.github.com")
        .post("/repos/Codertocat/Hello-World/pulls/7/reviews", (body) => reviews.push(body) > 0)
        .reply(422, { message: "Unprocessable Entity" })
        .post("/repos/Codertocat/Hello-World/pulls/7/reviews", (body) => reviews.push(body) > 0)
        .reply(200, { id: 555 }),
      nock("https://api.github.com")
        .post("/repos/Codertocat/Hello-World/pulls/7/requested_reviewers", {
          reviewers: ["lead"],
          team_reviewers: [],
        })
        .reply(201, {}),
      nockCreateComment(7, (body) => posted.push(body)),
    ];

    const { outcome, summary } = await publishTriage(testOctokit(), target, result, config, {
      info: () => {},
    });

    expect(outcome.inline).toEqual([]);
    expect(outcome.summaryOnly).toEqual([{ finding: EVAL, reason: "GitHub rejected the inline comment" }]);
    expect(outcome.routing).toEqual({
      requested: [{ reviewer: "@lead", reason: expect.stringContaining("routing.high") }],
      skipped: [],
      failed: [],
    });
    // The result is untouched: the comment stays planned inline there.
    expect(result.inline.map((entry) => entry.finding)).toEqual([EVAL]);
    expect(result.summaryOnly).toEqual([]);
    expect(reviews.map((body) => (body.comments as unknown[] | undefined)?.length ?? 0)).toEqual([1, 0]);
    expect(posted).toEqual([{ body: summary }]);
    expect(summary).toContain("_(GitHub rejected the inline comment)_");
    expect(summary).toContain("- Requested @lead: routing.high");
    expect(scopes.flatMap((scope) => scope.pendingMocks())).toEqual([]);
  });

  it("posts nothing twice: a review this app already left on the head is reused, and the outcome keeps the plan", async () => {
    const config: TriageConfig = { ...defaultConfig(), labels: false };
    const result = triaged(config);
    const scopes = [
      nockListReviews(7, [
        {
          id: 9,
          body: `<!-- pr-triage:review ${HEAD} -->\nPR Triage`,
          user: { login: "pr-triage[bot]", type: "Bot" },
        },
      ]),
      nockCreateComment(7, () => {}),
    ];

    const { outcome } = await publishTriage(testOctokit(), target, result, config, { info: () => {} });

    expect(outcome.inline).toEqual(result.inline);
    expect(outcome.summaryOnly).toEqual(result.summaryOnly);
    expect(outcome.routing).toEqual({ requested: [], skipped: [], failed: [] });
    expect(scopes.flatMap((scope) => scope.pendingMocks())).toEqual([]);
  });
});
