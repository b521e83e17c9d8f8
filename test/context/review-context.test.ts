import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTriageJob } from "../../src/triage/run-triage-job.ts";
import { nockChatCompletion } from "../helpers/fake-llm.ts";
import { jobDeps, jobFor } from "../helpers/job-run.ts";
import { nockNoPoliciesNorCodeowners, nockRepoFile, nockTree } from "../helpers/nock-config.ts";
import {
  nockConfig,
  nockCreateComment,
  nockGetPull,
  nockListComments,
  nockListFiles,
  nockListReviewComments,
  nockListReviews,
  nockUpdateCheckRun,
} from "../helpers/nock-github.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const REPO = "Codertocat/Hello-World";
/** src/auth.ts at the head commit: the PR rewrites the comparison on line 13. */
const AUTH_AT_HEAD = [
  'import { timingSafeEqual } from "node:crypto";', // 1
  'import { db } from "./db";', // 2
  "", // 3
  "export function checkToken(token: string, userId: string): boolean {", // 4
  "  if (!token) return false;", // 5
  "  const row = db.find(userId);", // 6
  "  if (!row) return false;", // 7
  "  if (row.disabled) {", // 8
  "    audit(userId);", // 9
  "    return false;", // 10
  "  }", // 11
  "  const expected = row.token;", // 12
  "  const ok = expected === token;", // 13
  "  audit(userId, ok);", // 14
  "  db.touch(userId);", // 15
  "  metrics.count(ok);", // 16
  "  log(userId);", // 17
  "  return ok;", // 18
  "}", // 19
  "", // 20
].join("\n");
const AUTH_PATCH = [
  "@@ -10,7 +10,7 @@ export function checkToken(token: string, userId: string): boolean {",
  "     return false;",
  "   }",
  "   const expected = row.token;",
  "-  const ok = timingSafeEqual(Buffer.from(expected), Buffer.from(token));",
  "+  const ok = expected === token;",
  "   audit(userId, ok);",
  "   db.touch(userId);",
  "   metrics.count(ok);",
].join("\n");
const LEAKED = `AKIA${"Q3EGRIDR3NPYWOXK"}`;
const ROUTES = [
  'import { checkToken } from "./auth";',
  "export function guard(req: Request): void {",
  `  const apiKey = "${LEAKED}";`,
  "  if (!checkToken(req.headers.token, req.user)) throw new Forbidden();",
  "}",
].join("\n");

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

describe("context beyond the hunk", () => {
  it("sends the enclosing function and the uses of a changed export, unnumbered, after the diff", async () => {
    const pull = examplePayload<{ pull_request: Record<string, unknown> & { head: { sha: string } } }>(
      "pull_request",
      "synchronize",
    ).pull_request;
    Object.assign(pull, { labels: [], draft: false, state: "open" });
    const head = pull.head.sha;
    const llmRequests: Record<string, unknown>[] = [];
    let summary = "";
    const scopes = [
      nockGetPull(pull),
      nockConfig("labels: false\n"),
      ...nockNoPoliciesNorCodeowners(REPO, "master"),
      nockListFiles(Number(pull.number), [
        {
          filename: "src/auth.ts",
          status: "modified",
          additions: 1,
          deletions: 1,
          changes: 2,
          patch: AUTH_PATCH,
        },
      ]),
      nockListComments(Number(pull.number)),
      nockRepoFile(REPO, "src/auth.ts", head, AUTH_AT_HEAD),
      nockTree(REPO, head, [
        { path: "src/auth.ts", size: AUTH_AT_HEAD.length },
        { path: "src/routes.ts", size: ROUTES.length },
        { path: "docs/auth.md", size: 40 },
      ]),
      nockRepoFile(REPO, "src/routes.ts", head, ROUTES),
      // The model points at line 5, which only the context shows: it must not be posted inline.
      nockChatCompletion(
        JSON.stringify({
          findings: [
            {
              path: "src/auth.ts",
              line: 5,
              start_line: null,
              side: "RIGHT",
              severity: "medium",
              category: "bug",
              title: "Context-only line",
              body: "Cited a line outside the diff.",
              confidence: 0.8,
              policy: null,
            },
          ],
        }),
        llmRequests,
      ),
      nockListReviewComments(Number(pull.number)),
      nockListReviews(Number(pull.number)),
      nockCreateComment(Number(pull.number), (body) => {
        summary = String(body.body);
      }),
      nockUpdateCheckRun(() => {}),
    ];

    expect(await runTriageJob(jobFor(pull), jobDeps())).toBe("triaged");

    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    const [system, user] = (llmRequests[0]?.messages ?? []) as { content: string }[];
    const prompt = user?.content ?? "";
    if (process.env.SHOW_PROMPT) console.log(prompt);
    // After the diff, inside the untrusted block.
    expect(prompt.indexOf("13 +  const ok = expected === token;")).toBeLessThan(prompt.indexOf("## Context"));
    expect(prompt.indexOf("## Context")).toBeLessThan(prompt.indexOf("END UNTRUSTED"));
    expect(prompt).toContain("| export function checkToken(token: string, userId: string): boolean {");
    expect(prompt).toContain("|   if (!token) return false;");
    expect(prompt).toContain("| … 7 lines shown in the diff above …");
    expect(prompt).toContain("### Uses of `checkToken` (exported by src/auth.ts, changed in this PR)");
    expect(prompt).toContain("|   if (!checkToken(req.headers.token, req.user)) throw new Forbidden();");
    // Context lines carry no number the model could cite, and a secret in them never leaves.
    expect(prompt).not.toMatch(/^\d+ .*if \(!token\) return false;/m);
    expect(prompt).not.toContain(LEAKED);
    expect(prompt).toContain("|   const apiKey =");
    expect(system?.content).not.toContain("checkToken");
    // The model's finding on a context line stays in the summary, with the anchor's reason.
    expect(summary).toContain("Context-only line");
    expect(summary).toContain("line 5 (RIGHT) is outside the diff");
  });
});
