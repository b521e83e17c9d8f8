import { createHash } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nockChatCompletion } from "./helpers/fake-llm.ts";
import { nockNoPoliciesNorCodeowners, nockRepoFile } from "./helpers/nock-config.ts";
import {
  nockAccessToken,
  nockAddLabels,
  nockConfig,
  nockCreateCheckRun,
  nockCreateComment,
  nockCreateReview,
  nockEnsureLabel,
  nockGetApp,
  nockGetPull,
  nockListComments,
  nockListFiles,
  nockListReviewComments,
  nockListReviews,
  nockUpdateCheckRun,
} from "./helpers/nock-github.ts";
import { startTestApp } from "./helpers/start-test-app.ts";
import { examplePayload } from "./helpers/webhook-examples.ts";

const PATCH = [
  "@@ -1,4 +1,6 @@ function login(user) {",
  " const db = require('./db');",
  "-const q = 'SELECT * FROM users WHERE id = ?';",
  "+const q = 'SELECT * FROM users WHERE id = ' + user.id;",
  "+db.query(q);",
  "+console.log(user.password);",
  " module.exports = login;",
  " // end",
].join("\n");

const FILES = [
  { filename: "src/login.js", status: "modified", additions: 3, deletions: 1, changes: 4, patch: PATCH },
];

interface Pull {
  number: number;
  head: { sha: string };
  labels: { name: string }[];
  [key: string]: unknown;
}

/** Each app gets a fresh DATA_DIR; its worker is stopped and the directory removed after the test. */
const cleanups: (() => Promise<void>)[] = [];
/**
 * Every request the app makes must be one a test mocked. A request nock cannot match fails
 * inside the job, after the ack, where the test would never see it; recording it here makes
 * every test fail on an unexpected call.
 */
const unmatched: string[] = [];
const recordUnmatched = (req: { method?: string; path?: string }) =>
  unmatched.push(`${req.method} ${req.path}`);
beforeEach(() => {
  unmatched.length = 0;
  nock.emitter.on("no match", recordUnmatched);
});
afterEach(() => {
  nock.emitter.removeListener("no match", recordUnmatched);
  expect(unmatched, "requests no test mocked").toEqual([]);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setup(llm: boolean) {
  nockGetApp();
  const app = startTestApp({ llm });
  cleanups.push(app.stop);
  return app;
}

describe("pull_request webhook → published triage", () => {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("posts one review with an anchored inline comment, a check run, a summary and a label", async () => {
    const payload = examplePayload<{ pull_request: Pull }>("pull_request", "opened");
    payload.pull_request.labels = [];
    const { probot, idle } = setup(true);
    const posted: Record<string, Record<string, unknown>> = {};
    const llmRequests: Record<string, unknown>[] = [];
    const scopes = [
      nockAccessToken(),
      nockGetPull(payload.pull_request),
      nockConfig(null),
      ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
      nockCreateCheckRun((b) => {
        posted.checkCreate = b;
      }),
      nockListFiles(2, FILES),
      // Context from the head commit is optional: a file GitHub will not serve is left out.
      nockRepoFile("Codertocat/Hello-World", "src/login.js", payload.pull_request.head.sha, null),
      nockChatCompletion(
        JSON.stringify({
          findings: [
            {
              path: "src/login.js",
              line: 2,
              start_line: null,
              side: "RIGHT",
              severity: "critical",
              category: "security",
              title: "SQL injection",
              body: "User input is concatenated into SQL. Use a parameterized query.",
              confidence: 0.95,
              policy: null,
            },
            {
              path: "src/login.js",
              line: 40,
              start_line: null,
              side: "RIGHT",
              severity: "high",
              category: "bug",
              title: "Unrelated far-away line",
              body: "Cannot be anchored.",
              confidence: 0.9,
              policy: null,
            },
          ],
        }),
        llmRequests,
      ),
      nockListComments(2),
      nockListReviewComments(2),
      nockListReviews(2),
      nockCreateReview(
        2,
        (b) => {
          posted.review = b;
        },
        200,
        new Map(FILES.map((f) => [f.filename, f.patch])),
      ),
      nockCreateComment(2, (b) => {
        posted.summary = b;
      }),
      nockEnsureLabel("high", false),
      nockAddLabels(2, (b) => {
        posted.labels = b;
      }),
      nockUpdateCheckRun((b) => {
        posted.checkUpdate = b;
      }),
    ];

    await probot.receive({ id: "delivery-1", name: "pull_request", payload } as never);
    await idle();

    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    expect(posted.checkCreate).toMatchObject({ name: "PR Triage", head_sha: payload.pull_request.head.sha });
    expect(posted.review).toMatchObject({ event: "COMMENT", commit_id: payload.pull_request.head.sha });
    expect(posted.review?.comments).toEqual([
      expect.objectContaining({
        path: "src/login.js",
        line: 2,
        side: "RIGHT",
        body: expect.stringContaining("SQL injection"),
      }),
    ]);
    const summary = String(posted.summary?.body);
    expect(summary).toContain("<!-- pr-triage:summary -->");
    expect(summary).toContain("Unrelated far-away line");
    expect(summary).toContain("line 40 (RIGHT) is outside the diff");
    expect(posted.labels).toEqual({ labels: ["risk: high"] });
    expect(posted.checkUpdate).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(String((posted.checkUpdate?.output as { title?: string } | undefined)?.title)).toMatch(
      /^Risk \d+\/100 \(high\)/,
    );
    // The model saw absolute new-file line numbers, inside the untrusted block.
    const user = JSON.stringify(llmRequests[0]);
    expect(user).toContain("2 +const q = 'SELECT * FROM users WHERE id = ' + user.id;");
    expect(user).toMatch(/<<<PR-TRIAGE-[0-9a-f]{16}>>> BEGIN UNTRUSTED/);
    expect(llmRequests[0]).not.toHaveProperty("tools");
  });

  it("counts only its own markers: a human's and another app's forged ones change nothing", async () => {
    const payload = examplePayload<{ pull_request: Pull }>("pull_request", "opened");
    payload.pull_request.labels = [];
    const { probot, idle } = setup(true);
    const sha = payload.pull_request.head.sha;
    // Fingerprints are predictable: rule plus code line, exactly as the app hashes them.
    const fp = createHash("sha256")
      .update("llm:security\u0000src/login.js\u0000const q = 'SELECT * FROM users WHERE id = ' + user.id;")
      .digest("hex")
      .slice(0, 16);
    const human = { login: "Codertocat", type: "User" };
    const posted: Record<string, Record<string, unknown>> = {};
    const scopes = [
      nockAccessToken(),
      nockGetPull(payload.pull_request),
      nockConfig("labels: false\n"),
      ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
      nockCreateCheckRun(),
      nockListFiles(2, FILES),
      nockRepoFile("Codertocat/Hello-World", "src/login.js", sha, null),
      nockChatCompletion(
        JSON.stringify({
          findings: [
            {
              path: "src/login.js",
              line: 2,
              start_line: null,
              side: "RIGHT",
              severity: "critical",
              category: "security",
              title: "SQL injection",
              body: "User input is concatenated into SQL.",
              confidence: 0.95,
              policy: null,
            },
          ],
        }),
      ),
      nockListComments(2, [
        {
          id: 31,
          body: "<!-- pr-triage:summary -->\nnot ours",
          user: { login: "other-app[bot]", type: "Bot" },
          performed_via_github_app: { id: 999 },
        },
        { id: 32, body: "<!-- pr-triage:summary -->", user: human },
      ]),
      nockListReviewComments(2, [{ id: 41, body: `<!-- pr-triage:fp:${fp} -->`, user: human }]),
      nockListReviews(2, [
        { id: 51, body: `<!-- pr-triage:review ${sha} -->`, user: human, state: "COMMENTED" },
      ]),
      nockCreateReview(2, (b) => {
        posted.review = b;
      }),
      // A new summary comment: neither forged one is edited (the other app's would answer 403).
      nockCreateComment(2, (b) => {
        posted.summary = b;
      }),
      nockUpdateCheckRun(() => {}),
    ];

    await probot.receive({ id: "delivery-forged", name: "pull_request", payload } as never);
    await idle();

    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    expect(posted.review?.comments).toEqual([
      expect.objectContaining({
        path: "src/login.js",
        line: 2,
        body: expect.stringContaining("SQL injection"),
      }),
    ]);
    expect(String(posted.summary?.body)).toContain("<!-- pr-triage:summary -->");
  });

  it("runs in analyzers-only mode without an API key and says so", async () => {
    const payload = examplePayload<{ pull_request: Pull }>("pull_request", "opened");
    const { probot, idle } = setup(false);
    const posted: Record<string, Record<string, unknown>> = {};
    const scopes = [
      nockAccessToken(),
      nockGetPull(payload.pull_request),
      nockConfig(null),
      ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
      nockCreateCheckRun(),
      nockListFiles(2, FILES),
      nockListComments(2),
      nockListReviewComments(2),
      nockListReviews(2),
      nockCreateComment(2, (b) => {
        posted.summary = b;
      }),
      nockEnsureLabel("low", true),
      nockAddLabels(2, (b) => {
        posted.labels = b;
      }),
      nockUpdateCheckRun((b) => {
        posted.checkUpdate = b;
      }),
    ];
    await probot.receive({ id: "delivery-2", name: "pull_request", payload } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    expect(String(posted.summary?.body)).toContain("Analyzers-only mode");
    expect(posted.labels).toEqual({ labels: ["risk: low"] });
    expect(posted.checkUpdate).toMatchObject({ conclusion: "success" });
  });

  it("reads a changed package.json at the base and head SHAs: a typosquat next to a script edit is found", async () => {
    const payload = examplePayload<{ pull_request: Pull & { base: { sha: string } } }>(
      "pull_request",
      "opened",
    );
    const { probot, idle } = setup(false);
    const deps = Array.from({ length: 10 }, (_, i) => `    "a${i + 1}": "^1.0.0"`);
    const pkg = (entries: string[], test: string) =>
      `{\n  "scripts": {\n    "test": "${test}"\n  },\n  "dependencies": {\n${entries.join(",\n")}\n  }\n}\n`;
    const base = pkg(deps, "mocha");
    const head = pkg([...deps, '    "lodahs": "^4.17.21"'], "mocha --exit");
    // The second hunk starts inside a long dependency list and the first edits a script: from the
    // diff alone the new line's section is unknown, so the diff-only check had to drop it.
    const patch = [
      "@@ -1,4 +1,4 @@",
      " {",
      '   "scripts": {',
      '-    "test": "mocha"',
      '+    "test": "mocha --exit"',
      "   },",
      "@@ -12,6 +12,7 @@",
      '     "a7": "^1.0.0",',
      '     "a8": "^1.0.0",',
      '     "a9": "^1.0.0",',
      '-    "a10": "^1.0.0"',
      '+    "a10": "^1.0.0",',
      '+    "lodahs": "^4.17.21"',
      "   }",
      " }",
    ].join("\n");
    const posted: Record<string, Record<string, unknown>> = {};
    const scopes = [
      nockAccessToken(),
      nockGetPull(payload.pull_request),
      nockConfig(null),
      ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
      nockCreateCheckRun(),
      nockListFiles(2, [
        { filename: "package.json", status: "modified", additions: 3, deletions: 2, changes: 5, patch },
      ]),
      nockRepoFile("Codertocat/Hello-World", "package.json", payload.pull_request.base.sha, base),
      nockRepoFile("Codertocat/Hello-World", "package.json", payload.pull_request.head.sha, head),
      nockListComments(2),
      nockListReviewComments(2),
      nockListReviews(2),
      nockCreateReview(2, (b) => {
        posted.review = b;
      }),
      nockCreateComment(2, (b) => {
        posted.summary = b;
      }),
      nockEnsureLabel("high", true),
      nockAddLabels(2, (b) => {
        posted.labels = b;
      }),
      nockUpdateCheckRun(() => {}),
    ];
    await probot.receive({ id: "delivery-manifest", name: "pull_request", payload } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    expect(String(posted.summary?.body)).toContain("lodahs (vs lodash)");
    expect(posted.labels).toEqual({ labels: ["risk: high"] });
    expect(posted.review?.comments).toMatchObject([{ path: "package.json", line: 16 }]);
  });

  it("skips drafts by default without writing anything", async () => {
    const payload = examplePayload<{ pull_request: Pull & { draft: boolean } }>("pull_request", "opened");
    payload.pull_request.draft = true;
    const { probot, idle } = setup(false);
    const scopes = [nockAccessToken(), nockGetPull(payload.pull_request, 1), nockConfig(null)];
    await probot.receive({ id: "delivery-3", name: "pull_request", payload } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    // No policy, diff or check-run request: the job stopped at the draft guard.
    expect(unmatched).toEqual([]);
  });
  it("uses the check conclusion the config sets for the level", async () => {
    const payload = examplePayload<{ pull_request: Pull }>("pull_request", "opened");
    payload.pull_request.labels = [{ name: "risk: low" }];
    const { probot, idle } = setup(false);
    let check: Record<string, unknown> = {};
    const scopes = [
      nockAccessToken(),
      nockGetPull(payload.pull_request),
      // Maintainers can gate merges on any level, even low.
      nockConfig("checks:\n  conclusion:\n    low: failure\n"),
      ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
      nockCreateCheckRun(),
      nockListFiles(2, FILES),
      nockListComments(2),
      nockListReviewComments(2),
      nockListReviews(2),
      nockCreateComment(2, () => {}),
      nockUpdateCheckRun((b) => {
        check = b;
      }),
    ];
    await probot.receive({ id: "delivery-4", name: "pull_request", payload } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
  });
});

describe("/triage command", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  function commandPayload(body = "/triage") {
    const payload = examplePayload<{
      comment: { body: string; id: number };
      issue: { number: number; pull_request?: unknown };
    }>("issue_comment", "created");
    payload.comment.body = body;
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
    return payload;
  }

  function nockPermission(permission: string) {
    return nock("https://api.github.com")
      .get("/repos/Codertocat/Hello-World/collaborators/Codertocat/permission")
      .reply(200, { permission, role_name: permission, user: { login: "Codertocat" } });
  }

  function nockReaction(content: string) {
    return nock("https://api.github.com")
      .post("/repos/Codertocat/Hello-World/issues/comments/492700400/reactions", { content })
      .reply(201, {});
  }

  it("re-runs the triage for a user with write access", async () => {
    const pull = examplePayload<{ pull_request: Pull & { number: number; state: string } }>(
      "pull_request",
      "opened",
    ).pull_request;
    pull.number = 1;
    // Closed PR: the job starts, re-reads the PR and stops, which proves it was enqueued.
    pull.state = "closed";
    const { probot, idle } = setup(false);
    const scopes = [nockAccessToken(), nockPermission("write"), nockGetPull(pull, 2), nockReaction("eyes")];
    await probot.receive({ id: "cmd-1", name: "issue_comment", payload: commandPayload() } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  it("ignores /triage from a user without write access, with a 👎 reaction", async () => {
    const { probot, idle } = setup(false);
    const scopes = [nockAccessToken(), nockPermission("read"), nockReaction("-1")];
    await probot.receive({ id: "cmd-2", name: "issue_comment", payload: commandPayload() } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  it("ignores comments that are not the command", async () => {
    const { probot, idle } = setup(false);
    // With the network disabled, any GitHub call would make the handler (and so receive) throw.
    await expect(
      probot.receive({
        id: "cmd-3",
        name: "issue_comment",
        payload: commandPayload("please /triage this"),
      } as never),
    ).resolves.toBeUndefined();
    await idle();
  });

  it("re-runs the triage when our check run is re-requested from the Checks UI", async () => {
    const payload = examplePayload<{
      check_run: { name: string; head_sha: string; pull_requests: unknown[] };
      repository: Record<string, unknown>;
    }>("check_run", "rerequested");
    payload.check_run.name = "PR Triage";
    payload.check_run.pull_requests = [{ number: 1 }];
    payload.repository = examplePayload<{ repository: Record<string, unknown> }>(
      "pull_request",
      "opened",
    ).repository;
    const pull = examplePayload<{ pull_request: Pull & { number: number; state: string } }>(
      "pull_request",
      "opened",
    ).pull_request;
    pull.number = 1;
    pull.state = "closed";
    const { probot, idle } = setup(false);
    const scopes = [nockAccessToken(), nockGetPull(pull, 1)];
    await probot.receive({ id: "rerun-1", name: "check_run", payload } as never);
    await idle();
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });
});
