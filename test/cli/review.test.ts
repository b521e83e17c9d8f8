import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { FAKE_LLM_URL, nockChatCompletion } from "../helpers/fake-llm.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "./temp-git-repo.ts";

const USERS_TS = `import { db } from "../db.ts";

export async function listUsers(req: { query: { name: string } }) {
  const rows = await db.query("SELECT * FROM users WHERE name = '" + req.query.name + "'");
  return rows;
}
`;

/**
 * A service with the example policies on `main`, and a branch that adds an unvalidated query,
 * touches auth, and edits the triage config to lower the bar (which must be ignored and flagged).
 */
function exampleRepo(): TempGitRepo {
  const repo = createTempGitRepo();
  repo.copyFromProject("examples/typescript-service/");
  repo.write("src/api/users.ts", "export function listUsers() {\n  return [];\n}\n");
  repo.write("src/auth/session.ts", "export const ttlSeconds = 3600;\n");
  repo.commitAll("Initial service");
  repo.git("checkout", "--quiet", "-b", "feature/search-users");
  repo.write("src/api/users.ts", USERS_TS);
  repo.write("src/auth/session.ts", "export const ttlSeconds = 360000;\n");
  const config = repo.git("show", "HEAD:.github/pr-triage.yml");
  repo.write(
    ".github/pr-triage.yml",
    config
      .replace("severityThreshold: medium", "severityThreshold: critical")
      .replace(/risk:[\s\S]*?routing:/, "routing:"),
  );
  repo.commitAll("Search users by name");
  return repo;
}

describe("pr-triage review", () => {
  let repo: TempGitRepo;
  beforeEach(() => {
    repo = exampleRepo();
    nock.disableNetConnect();
  });
  afterEach(() => {
    repo.remove();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("prints the triage the app would post, using the base branch's config and policies", async () => {
    const run = captureIo(repo.dir);
    const code = await runCli(["review"], run.io);
    const out = run.stdout();

    expect(code, run.stderr()).toBe(0);
    // The base config's sensitive paths still apply although the branch deleted them.
    expect(out).toMatch(/^Risk: {5}high \(\d+\/100\)$/m);
    expect(out).toMatch(/^Check: {4}"PR Triage" → neutral · Risk \d+\/100 \(high\)/m);
    expect(out).toContain("Label:    risk: high");
    expect(out).toContain("Routing:  team backend-leads (routing.high (PR is high risk))");
    // Code owners of the risky files are asked; the owner of the merely touched API file is not.
    expect(out).toContain("team identity (code owner of a risky path)");
    expect(out).not.toContain("team backend (");
    expect(out).toContain("src/auth/session.ts: @acme/identity (CODEOWNERS line 3)");
    expect(out).toContain("Sensitive path changed: src/auth/**");
    // The head's config change is flagged, and its lowered threshold is not used: the high
    // finding is still posted inline.
    expect(out).toContain("Policy change: this PR changes PR Triage's configuration");
    expect(out).toMatch(
      /\.github\/pr-triage\.yml:\d+ \(RIGHT\)\n {4}<!-- pr-triage:fp:\w+ -->\n {4}🟠 \*\*Policy change/,
    );
    // Only the policies whose paths match the changed files apply.
    expect(out).toContain("✓ Validate request input at the API boundary");
    expect(out).toContain("✓ No secrets in code, config or logs");
    expect(out).not.toContain("Parameterized queries and additive migrations");
    expect(out).toContain("<!-- pr-triage:summary -->");
    expect(out).toContain("Analyzers-only mode: no `OPENAI_API_KEY`");
    expect(out).toContain(
      "0 of 3 files reviewed by the AI (analyzers-only mode: no OPENAI_API_KEY); all 3 checked by the analyzers.",
    );
    expect(run.stderr()).toContain("pr-triage: feature/search-users against main");
    expect(run.stderr()).toContain("no OPENAI_API_KEY: analyzers-only mode");
  });

  it("sends the applied policies to the LLM and ties its finding to the cited policy", async () => {
    const requests: Record<string, unknown>[] = [];
    const llm = nockChatCompletion(
      JSON.stringify({
        findings: [
          {
            path: "src/api/users.ts",
            line: 4,
            start_line: null,
            side: "RIGHT",
            severity: "medium",
            category: "security",
            title: "SQL built from request input",
            body: "`req.query.name` is concatenated into SQL: injection. Validate it and use a parameter.",
            confidence: 0.95,
            policy: "validate request input at the API boundary",
          },
        ],
      }),
      requests,
    );
    const run = captureIo(repo.dir, {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: FAKE_LLM_URL,
      OPENAI_MODEL: "test-model",
      LLM_CACHE_MAX_ENTRIES: "0",
    });

    const code = await runCli(["review", "--base", "main", "--json"], run.io);

    expect(code, run.stderr()).toBe(0);
    expect(llm.isDone()).toBe(true);
    const messages = (requests[0]?.messages ?? []) as { role: string; content: string }[];
    const system = messages.find((m) => m.role === "system")?.content ?? "";
    expect(system).toContain("### Policy: Validate request input at the API boundary");
    expect(system).toContain("### Policy: No secrets in code, config or logs");
    expect(system).not.toContain("Parameterized queries");

    const report = JSON.parse(run.stdout());
    const comment = report.inlineComments.find((c: { path: string }) => c.path === "src/api/users.ts");
    expect(comment).toMatchObject({ line: 4, side: "RIGHT" });
    // The policy's `severity: high` overrides the model's "medium".
    expect(comment.body).toContain("**SQL built from request input** (high)");
    expect(comment.body).toContain("Policy: Validate request input at the API boundary");
    expect(report.policies.applied.map((p: { title: string }) => p.title)).toContain(
      "Validate request input at the API boundary",
    );
    expect(report.coverage.llmReviewed).toEqual(
      expect.arrayContaining(["src/api/users.ts", "src/auth/session.ts"]),
    );
    expect(report.summary).toContain("(policy: Validate request input at the API boundary)");
  });

  it("explains an unknown base ref and how to fix it", async () => {
    const run = captureIo(repo.dir);
    expect(await runCli(["review", "--base", "develop"], run.io)).toBe(2);
    expect(run.stderr()).toContain(
      'Unknown base ref "develop": expected a branch, tag or commit that exists locally.',
    );
  });
});
