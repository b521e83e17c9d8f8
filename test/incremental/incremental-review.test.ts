import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { codeHash } from "../../src/incremental/code-hash.ts";
import { fingerprintMarker, SUMMARY_MARKER } from "../../src/render/markers.ts";
import { decodeSummaryState, encodeSummaryState } from "../../src/render/summary-state.ts";
import { fingerprint } from "../../src/review/fingerprint.ts";
import { runTriageJob } from "../../src/triage/run-triage-job.ts";
import { nockChatCompletion } from "../helpers/fake-llm.ts";
import { jobDeps, jobFor } from "../helpers/job-run.ts";
import { nockCompare } from "../helpers/nock-compare.ts";
import { nockNoPoliciesNorCodeowners } from "../helpers/nock-config.ts";
import {
  nockConfig,
  nockGetPull,
  nockListComments,
  nockListFiles,
  nockListReviewComments,
  nockListReviews,
  nockUpdateCheckRun,
} from "../helpers/nock-github.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const OLD_HEAD = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/** a.js as the PR diff shows it at the new head; the push rewrote its line 3. */
const A_PATCH = [
  "@@ -1,3 +1,5 @@",
  " function a(input) {",
  "+  const x = parse(input);",
  "+  return run(x);",
  " }",
  " module.exports = a;",
].join("\n");
const A_PATCH_BEFORE = A_PATCH.replace("run(x)", "exec(x)");
/** b.js and c.js did not change between the two heads. */
const B_PATCH = ["@@ -10,2 +10,3 @@ function b() {", "   const y = 2;", "+  eval(y);", "   return y;"].join(
  "\n",
);
const C_PATCH = ["@@ -1,2 +1,3 @@", " const c = 1;", "+const d = c * 2;", " module.exports = c;"].join("\n");
const listed = (filename: string, patch: string) => ({
  filename,
  status: "modified",
  additions: 2,
  deletions: 0,
  changes: 2,
  patch,
});
const FILES = [listed("a.js", A_PATCH), listed("b.js", B_PATCH), listed("c.js", C_PATCH)];
const COMPARE_A = {
  filename: "a.js",
  status: "modified",
  additions: 1,
  deletions: 1,
  patch:
    "@@ -1,4 +1,4 @@\n function a(input) {\n   const x = parse(input);\n-  return exec(x);\n+  return run(x);\n }",
};

function llmFinding(path: string, line: number, title: string): Finding {
  return {
    ruleId: "llm/security",
    source: "llm",
    severity: "high",
    category: "security",
    title,
    message: `${title}: untrusted input reaches it.`,
    path,
    line,
    startLine: null,
    side: "RIGHT",
    confidence: 0.9,
    riskFloor: 0,
    policy: null,
  };
}

/** The summary the last triage (of OLD_HEAD) left: two AI findings, one on each of a.js and b.js. */
function previousSummary(): { fingerprints: string[]; body: string } {
  const before = new Map(
    [listed("a.js", A_PATCH_BEFORE), listed("b.js", B_PATCH)].map((f) => [f.filename, parseFilePatch(f)]),
  );
  const onA = llmFinding("a.js", 3, "Command built from input");
  const onB = llmFinding("b.js", 11, "eval of a value");
  const fingerprints = [onA, onB].map((f) => fingerprint(f, before));
  const state = {
    headSha: OLD_HEAD,
    baseRef: "master",
    findings: { [fingerprints[0] ?? ""]: onA.title, [fingerprints[1] ?? ""]: onB.title },
    ai: {
      unreviewed: [],
      findings: [
        { ...onA, code: codeHash("return exec(x);") },
        { ...onB, code: codeHash("eval(y);") },
      ].map(({ ruleId: _r, source: _s, riskFloor: _f, ...kept }) => kept),
    },
  };
  return { fingerprints, body: `${SUMMARY_MARKER}\n${encodeSummaryState(state)}\nold summary` };
}

const unmatched: string[] = [];
const recordUnmatched = (req: { method?: string; path?: string }) =>
  unmatched.push(`${req.method} ${req.path}`);
beforeEach(() => {
  nock.disableNetConnect();
  unmatched.length = 0;
  nock.emitter.on("no match", recordUnmatched);
});
afterEach(() => {
  nock.emitter.removeListener("no match", recordUnmatched);
  nock.cleanAll();
  nock.enableNetConnect();
  expect(unmatched, "requests no test mocked").toEqual([]);
});

async function secondPush(compareStatus: "ahead" | "diverged") {
  const pull = examplePayload<{ pull_request: Record<string, unknown> & { head: { sha: string } } }>(
    "pull_request",
    "synchronize",
  ).pull_request;
  pull.labels = [];
  pull.draft = false;
  pull.state = "open";
  const previous = previousSummary();
  const llmRequests: Record<string, unknown>[] = [];
  let summary = "";
  const scopes = [
    nockGetPull(pull),
    // Context is tested on its own (test/context): here, only what the diff part sends.
    nockConfig("labels: false\nllm:\n  context:\n    enabled: false\n"),
    ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
    nockListFiles(Number(pull.number), FILES),
    nockListComments(Number(pull.number), [
      { id: 901, body: previous.body, user: { login: "pr-triage[bot]", type: "Bot" } },
    ]),
    nockCompare(OLD_HEAD, pull.head.sha, compareStatus, [COMPARE_A]),
    nockChatCompletion(JSON.stringify({ findings: [] }), llmRequests),
    // The b.js finding was posted inline by the last triage: it must not be posted again.
    nockListReviewComments(Number(pull.number), [
      {
        body: `eval ${fingerprintMarker(previous.fingerprints[1] ?? "")}`,
        user: { login: "pr-triage[bot]" },
      },
    ]),
    nockListReviews(Number(pull.number)),
    nock("https://api.github.com")
      .patch("/repos/Codertocat/Hello-World/issues/comments/901", (body: { body: string }) => {
        summary = body.body;
        return true;
      })
      .reply(200, { id: 901 }),
    nockUpdateCheckRun(() => {}),
  ];
  const outcome = await runTriageJob(jobFor(pull), jobDeps());
  for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  expect(outcome).toBe("triaged");
  const messages = (llmRequests[0]?.messages ?? []) as { role: string; content: string }[];
  return { summary, user: messages.find((m) => m.role === "user")?.content ?? "", requests: llmRequests };
}

describe("re-review only what changed", () => {
  it("sends only the hunks changed since the last head and carries the other findings forward", async () => {
    const { summary, user, requests } = await secondPush("ahead");
    expect(requests).toHaveLength(1);
    expect(user).toContain("3 +  return run(x);");
    expect(user).not.toContain("## File: b.js");
    expect(user).not.toContain("## File: c.js");
    expect(summary).toContain(
      `Reviewed changes since ${OLD_HEAD.slice(0, 7)}; 1 earlier finding carried forward.`,
    );
    // b.js was reviewed at the earlier head: still counted as AI-reviewed.
    expect(summary).toContain("3 of 3 files reviewed by the AI");
    expect(summary).toContain("eval of a value");
    expect(summary).toContain("0 new, 1 fixed, 1 still open; fixed: “Command built from input”");
    // The next push can build on this one: the carried finding is remembered at its line.
    const state = decodeSummaryState(summary);
    expect(state?.ai?.findings).toEqual([
      expect.objectContaining({
        path: "b.js",
        line: 11,
        title: "eval of a value",
        code: codeHash("eval(y);"),
      }),
    ]);
  });

  it("reviews everything after a force-push", async () => {
    const { summary, user } = await secondPush("diverged");
    for (const file of ["a.js", "b.js", "c.js"]) expect(user).toContain(`## File: ${file}`);
    expect(summary).toContain(
      `Reviewed in full: history was rewritten: ${OLD_HEAD.slice(0, 7)} is not an ancestor of the new head (diverged).`,
    );
    // The model re-judged everything and found nothing: both earlier findings count as fixed.
    expect(summary).toContain("0 new, 2 fixed, 0 still open");
  });
});
