import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { redactText } from "../../src/redaction/redact-text.ts";
import { completion, FAKE_LLM_URL } from "../helpers/fake-llm.ts";
import { leakedFragment, secretlintNgFixtures } from "../helpers/secretlint-fixtures.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "./temp-git-repo.ts";

const fixtures = secretlintNgFixtures();

describe.skipIf(fixtures.length === 0)(
  "pr-triage review never sends a secret to the LLM (skipped: ../shared/corpus absent)",
  () => {
    let repo: TempGitRepo;
    beforeEach(() => {
      nock.disableNetConnect();
      repo = createTempGitRepo();
      repo.write("README.md", "# Service\n");
      repo.commitAll("Initial");
      repo.git("checkout", "--quiet", "-b", "feature/config");
      for (const fixture of fixtures) repo.write(fixture.path, fixture.content);
      repo.commitAll("Add config files");
    });
    afterEach(() => {
      repo.remove();
      nock.cleanAll();
      nock.enableNetConnect();
    });

    it("redacts every secretlint ng fixture's secret from every request body and all output", async () => {
      const requests: string[] = [];
      const llm = nock(FAKE_LLM_URL)
        .persist()
        .post("/chat/completions", (body) => {
          requests.push(JSON.stringify(body));
          return true;
        })
        .reply(200, completion(JSON.stringify({ findings: [] })));
      const run = captureIo(repo.dir, {
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: FAKE_LLM_URL,
        OPENAI_MODEL: "test-model",
        // No answer cache: every run must reach the fake server, whose captured body is the test.
        LLM_CACHE_MAX_ENTRIES: "0",
      });

      const code = await runCli(["review", "--base", "main", "--json"], run.io);

      expect(code, run.stderr()).toBe(0);
      expect(llm.isDone()).toBe(true);
      const body = requests.join("\n");
      for (const fixture of fixtures) expect(body).toContain(fixture.path);
      const secrets = fixtures.flatMap((fixture) => fixture.secrets);
      const publicText = fixtures
        .map((fixture) => `${fixture.path}\n${redactText(fixture.content, secrets)}`)
        .join("\n");
      // Secrets the analyzers do not detect cannot be redacted: the recall gap is measured by
      // eval:analyzers. Every detected one is redacted, and the request shows where.
      const report = JSON.parse(run.stdout()) as { findings: { ruleId: string; path: string }[] };
      const detected = fixtures
        .filter((fixture) =>
          report.findings.some((f) => f.ruleId.startsWith("secrets/") && f.path === fixture.path),
        )
        .flatMap((fixture) => fixture.secrets);
      expect(detected.length).toBeGreaterThanOrEqual(90);
      expect(body).toContain("[REDACTED SECRET]");
      expect(leakedFragment(body, detected, 12, publicText)).toBeNull();
      expect(leakedFragment(run.stdout(), detected, 12, publicText)).toBeNull();
      expect(leakedFragment(run.stderr(), detected, 12, publicText)).toBeNull();
    });
  },
);
