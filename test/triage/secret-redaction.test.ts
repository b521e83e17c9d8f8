import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanSecrets } from "../../src/analyzers/secrets/scan-secrets.ts";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { addedFile } from "../../src/diff/added-file.ts";
import { redactText } from "../../src/redaction/redact-text.ts";
import { renderAnnotations } from "../../src/render/render-annotations.ts";
import { renderCheckOutput } from "../../src/render/render-check-output.ts";
import { renderInlineComment } from "../../src/render/render-inline-comment.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import { readLlmSettings } from "../../src/settings/llm-settings.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { prepareTriage } from "../../src/triage/prepare-triage.ts";
import { runLlmStep } from "../../src/triage/run-llm-step.ts";
import { completion, FAKE_LLM_URL } from "../helpers/fake-llm.ts";
import { leakedFragment, secretlintNgFixtures } from "../helpers/secretlint-fixtures.ts";

const PR = { author: "contributor", authorType: "User", headRef: "feature", title: "Add config", body: "" };
const SETTINGS = readLlmSettings({
  OPENAI_API_KEY: "sk-test",
  OPENAI_BASE_URL: FAKE_LLM_URL,
  OPENAI_MODEL: "test-model",
  OPENAI_MAX_RETRIES: "0",
});

/** A model that repeats a secret it saw another way (a prompt-injected one would). */
function fakeLlmEchoing(echo: string, path: string, requests: string[]): nock.Scope {
  return nock(FAKE_LLM_URL)
    .persist()
    .post("/chat/completions", (body) => {
      requests.push(JSON.stringify(body));
      return true;
    })
    .reply(200, () =>
      completion(
        JSON.stringify({
          findings: [
            {
              path,
              line: 1,
              start_line: null,
              side: "RIGHT",
              severity: "high",
              category: "security",
              title: `Key ${echo} committed`,
              body: `The value \`${echo}\` is a live credential: ${echo}`,
              confidence: 0.9,
              policy: null,
            },
          ],
        }),
      ),
    );
}

/** Runs the app's pipeline (analyzers, the exact LLM request builder, conclude, render) on files. */
async function triage(files: ReturnType<typeof addedFile>[]) {
  const config = defaultConfig();
  const logs: string[] = [];
  const log = {
    info: (fields: unknown, message?: string) => logs.push(JSON.stringify(fields) + (message ?? "")),
    warn: (fields: unknown, message?: string) => logs.push(JSON.stringify(fields) + (message ?? "")),
  };
  const prepared = await prepareTriage({ files, config, pr: PR }, 24_000);
  const llm = await runLlmStep(
    // No answer cache: every run must reach the fake server, whose captured body is the test.
    { settings: SETTINGS, config, prepared, pr: PR, policies: "", prices: {}, cache: null },
    log,
  );
  const result = concludeTriage({
    headSha: "abc1234abc1234",
    files,
    config,
    prepared,
    llm: llm.outcome,
    llmFindings: llm.findings,
    configProblems: [],
  });
  const summary = renderSummary(result, plannedOutcome(result), {
    repoUrl: "https://github.com/o/r",
    host: "github.com",
  });
  const posted = [
    summary,
    JSON.stringify(renderCheckOutput(result, summary)),
    JSON.stringify(renderAnnotations(result.findings, "github.com")),
    ...result.inline.map(({ finding, anchor }) => renderInlineComment(finding, anchor, "github.com", "fp")),
  ].join("\n");
  return { prepared, result, posted, logs: logs.join("\n"), llm };
}

describe("secrets never leave", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("redacts overlapping matches as one range: no tail of the secret survives", () => {
    const secret = "q8VtR2xLmN4bP7sD1fHg6TuE0aWiRoQeZk3JyXw5";
    const line = `  secretAccessKey: '${secret}',`;
    // One rule saw the key name and a window of the secret's length, another saw the value.
    const window = line.slice(2, 2 + secret.length);
    expect(redactText(line, [window, secret])).toBe("  [REDACTED SECRET]',");
    expect(leakedFragment(redactText(line, [window, secret]), [secret], 6)).toBeNull();
  });

  it("posts one finding for one secret two rules match, and masks the secret itself", async () => {
    const secret = "q8VtR2xLmN4bP7sD1fHg6TuE0aWiRoQeZk3JyXw5";
    const file = addedFile("src/aws.ts", `export const config = {\n  secretAccessKey: '${secret}',\n};\n`);
    const hits = await scanSecrets([file]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.value).toBe(secret);
    expect(hits[0]?.ruleId).toBe("@secretlint/secretlint-rule-aws");

    const requests: string[] = [];
    fakeLlmEchoing(secret, "src/aws.ts", requests);
    const { result, posted, logs } = await triage([file]);
    const onLine = result.findings.filter(
      (f) => f.source === "analyzer" && f.path === "src/aws.ts" && f.line === 2,
    );
    expect(onLine).toHaveLength(1);
    expect(onLine[0]?.message).toContain("`q8Vt******** (40 chars)`");
    expect(requests.length).toBeGreaterThan(0);
    for (const text of [...requests, posted, logs]) expect(leakedFragment(text, [secret])).toBeNull();
    expect(requests.join("")).toContain("[REDACTED SECRET]");
  });

  const fixtures = secretlintNgFixtures();
  it.skipIf(fixtures.length === 0)(
    "every secretlint ng fixture: no 12-character fragment in the LLM request, posted text or logs (skipped: ../shared/corpus absent)",
    async () => {
      const files = fixtures.map((fixture) => addedFile(fixture.path, fixture.content));
      const hits = await scanSecrets(files);
      // Only what the analyzers detect can be redacted; the recall figure is eval:analyzers' job.
      const detected = fixtures.flatMap((fixture) =>
        fixture.secrets.filter((secret) =>
          hits.some((hit) => hit.path === fixture.path && leakedFragment(hit.value, [secret]) !== null),
        ),
      );
      expect(detected.length).toBeGreaterThanOrEqual(90);
      const requests: string[] = [];
      const echoed = detected[0] ?? "";
      fakeLlmEchoing(echoed, fixtures[0]?.path ?? "", requests);

      const { posted, logs, llm } = await triage(files);

      expect(llm.outcome.mode).toBe("ok");
      expect(requests.length).toBeGreaterThan(0);
      const body = requests.join("\n");
      // What the files say outside every secret is public (hosts of connection strings, say), and
      // so are the fixture paths (`grafana/service_account_token/…`).
      const publicText = fixtures
        .map((fixture) => `${fixture.path}\n${redactText(fixture.content, detected)}`)
        .join("\n");
      // The fixtures really were sent (redacted), not left out.
      for (const fixture of fixtures) expect(body).toContain(fixture.path);
      expect(leakedFragment(body, detected, 12, publicText)).toBeNull();
      expect(leakedFragment(posted, detected, 12, publicText)).toBeNull();
      expect(leakedFragment(logs, detected, 12, publicText)).toBeNull();
    },
  );
});
