import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "../cli/temp-git-repo.ts";
import { completion, FAKE_LLM_URL } from "../helpers/fake-llm.ts";
import { nockNoPoliciesNorCodeowners } from "../helpers/nock-config.ts";
import {
  nockAccessToken,
  nockConfig,
  nockCreateCheckRun,
  nockCreateComment,
  nockGetApp,
  nockGetPull,
  nockListComments,
  nockListFiles,
  nockListReviewComments,
  nockListReviews,
  nockUpdateCheckRun,
} from "../helpers/nock-github.ts";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

/** The CLI and the app run one triage core: the same PR gives the same LLM request, secrets redacted. */
const SECRET = "ghp_Q8vT2xLmN4bP7sD1fHg6TuE0aWiRoQeZk3Jy";
const FILE = [
  "import { connect } from './db.js';",
  "",
  `const token = "${SECRET}";`,
  "export function load(id) {",
  "  return connect(token).query('SELECT * FROM t WHERE id = ' + id);",
  "}",
].join("\n");
const TITLE = "Load rows by id";
const BODY = "Adds a loader.";
// Context from the head commit is off in both, so neither reads files the other cannot.
const CONFIG = "labels: false\nllm:\n  context:\n    enabled: false\n";

const marker = /<<<PR-TRIAGE-[0-9a-f]{16}>>>/g;

function captureLlm(bodies: string[]): nock.Scope {
  return nock(FAKE_LLM_URL)
    .post("/chat/completions", (body) => {
      bodies.push(JSON.stringify(body).replace(marker, "<<<MARKER>>>"));
      return true;
    })
    .reply(200, completion(JSON.stringify({ findings: [], what_changed: null })));
}

describe("one triage core for the app and the CLI", () => {
  let repo: TempGitRepo;
  let app: TestApp | undefined;
  beforeEach(() => {
    nock.disableNetConnect();
    repo = createTempGitRepo();
    repo.write("README.md", "# Service\n");
    repo.write(".github/pr-triage.yml", CONFIG);
    repo.commitAll("Initial");
    repo.git("checkout", "--quiet", "-b", "feature/load");
    repo.write("src/load.js", `${FILE}\n`);
    repo.commitAll(`${TITLE}\n\n${BODY}`);
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    repo.remove();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("sends the LLM the same request, byte for byte apart from the random marker, with the secret redacted", async () => {
    // 1. The CLI on the local branch.
    const cliBodies: string[] = [];
    const cliLlm = captureLlm(cliBodies);
    const run = captureIo(repo.dir, {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: FAKE_LLM_URL,
      OPENAI_MODEL: "test-model",
    });
    expect(await runCli(["review", "--base", "main", "--json"], run.io), run.stderr()).toBe(0);
    expect(cliLlm.isDone()).toBe(true);

    // 2. The app on the same PR, as GitHub lists it.
    const payload = examplePayload<{
      pull_request: Record<string, unknown> & { number: number; head: { sha: string } };
    }>("pull_request", "opened");
    Object.assign(payload.pull_request, { title: TITLE, body: BODY, labels: [] });
    const patch = `@@ -0,0 +1,${FILE.split("\n").length} @@\n${FILE.split("\n")
      .map((line) => `+${line}`)
      .join("\n")}`;
    const appBodies: string[] = [];
    nockGetApp();
    const scopes = [
      nockAccessToken(),
      nockGetPull(payload.pull_request),
      nockConfig(CONFIG),
      ...nockNoPoliciesNorCodeowners("Codertocat/Hello-World", "master"),
      nockCreateCheckRun(),
      nockListFiles(2, [
        { filename: "src/load.js", status: "added", additions: 6, deletions: 0, changes: 6, patch },
      ]),
      captureLlm(appBodies),
      nockListComments(2),
      nockListReviewComments(2),
      nockListReviews(2),
      nock("https://api.github.com")
        .post("/repos/Codertocat/Hello-World/pulls/2/reviews")
        .reply(200, { id: 1 }),
      nockCreateComment(2, () => {}),
      nockUpdateCheckRun(() => {}),
    ];
    app = startTestApp({ llm: true, concurrency: 1 });
    await app.probot.receive({ id: "one-core", name: "pull_request", payload } as never);
    await app.idle();

    expect(appBodies).toHaveLength(1);
    expect(cliBodies).toHaveLength(1);
    expect(appBodies[0]).toBe(cliBodies[0]);
    expect(appBodies[0]).toContain("[REDACTED SECRET]");
    expect(appBodies[0]).not.toContain(SECRET.slice(4, 16));
    expect(scopes.flatMap((scope) => scope.pendingMocks()).filter((m) => !m.includes("/reviews"))).toEqual(
      [],
    );
  });
});
