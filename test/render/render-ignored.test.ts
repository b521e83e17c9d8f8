import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { isAppAuthored } from "../../src/github/app-identity.ts";
import { renderIgnored } from "../../src/render/render-ignored.ts";
import { decodeSummaryState, encodeSummaryState } from "../../src/render/summary-state.ts";
import { applyIgnores, mergeIgnores } from "../../src/review/apply-ignores.ts";
import { parseTriageCommand } from "../../src/triage/parse-triage-command.ts";

function f(ruleId: string, path: string | null, title: string): Finding {
  return {
    ruleId,
    source: ruleId.startsWith("llm/") ? "llm" : "analyzer",
    severity: "high",
    category: "x",
    title,
    message: "m",
    path,
    line: path ? 3 : null,
    startLine: null,
    side: "RIGHT",
    confidence: 1,
    riskFloor: 60,
    policy: null,
  };
}

describe("parseTriageCommand", () => {
  it("reads the four commands on a line of their own, and nothing else", () => {
    expect(parseTriageCommand("/triage")).toEqual({ kind: "rerun" });
    expect(parseTriageCommand("thanks!\n/triage help\n")).toEqual({ kind: "help" });
    expect(parseTriageCommand("/triage ignore")).toEqual({ kind: "ignore" });
    expect(parseTriageCommand("/triage ignore rule ci-workflows/unpinned-action")).toEqual({
      kind: "ignore-rule",
      ruleId: "ci-workflows/unpinned-action",
    });
    for (const body of ["please /triage this", "/triage ignore rule `x`", "/triage help me", "/triaged"]) {
      expect(parseTriageCommand(body), body).toBeNull();
    }
  });
});

describe("isAppAuthored", () => {
  const app = { appId: 1, login: "pr-triage[bot]" };
  it("trusts our app id, or our bot user where GitHub gives no app id (review comments)", () => {
    expect(isAppAuthored({ performed_via_github_app: { id: 1 } }, app)).toBe(true);
    expect(isAppAuthored({ user: { login: "pr-triage[bot]", type: "Bot" } }, app)).toBe(true);
  });
  it("trusts nobody else: another app, another bot, a user named like us", () => {
    expect(
      isAppAuthored(
        { performed_via_github_app: { id: 2 }, user: { login: "pr-triage[bot]", type: "Bot" } },
        app,
      ),
    ).toBe(false);
    expect(isAppAuthored({ user: { login: "other[bot]", type: "Bot" } }, app)).toBe(false);
    expect(isAppAuthored({ user: { login: "pr-triage[bot]", type: "User" } }, app)).toBe(false);
  });
});

describe("ignores", () => {
  const secret = f("secrets/github-token", "test/fixtures/token.txt", "GitHub token");
  const eval_ = f("llm/security", "src/run.js", "eval of user input");
  const unpinned = f("ci-workflows/unpinned-action", ".github/workflows/ci.yml", "Unpinned action");
  const missing = f("missing-tests/source-without-tests", null, "Source without tests");
  const fingerprints = new Map([
    [secret, "1111111111111111"],
    [eval_, "2222222222222222"],
    [unpinned, "3333333333333333"],
    [missing, "4444444444444444"],
  ]);
  const config = defaultConfig();
  config.ignore.findings = [{ path: "test/fixtures/**", rule: "secrets/*", reason: "Fake keys" }];
  config.ignore.rules = ["missing-tests/*"];
  const entries = mergeIgnores(
    [{ kind: "finding", fingerprint: "2222222222222222", by: "alice" }],
    [
      { kind: "rule", ruleId: "ci-workflows/unpinned-action", by: "bob" },
      { kind: "rule", ruleId: "secrets/aws-access-key", by: "bob" },
    ],
  );

  it("applies this PR's ignores and the repository's, and says who and why", () => {
    const { active, ignored } = applyIgnores(
      [secret, eval_, unpinned, missing],
      fingerprints,
      entries,
      config.ignore,
    );
    expect(active).toEqual([]);
    expect(renderIgnored(ignored, entries, "github.com")).toMatchInlineSnapshot(`
      "<details><summary><b>Ignored (4, 1 not matched this push)</b>: not posted and not scored</summary>

      - **GitHub token** (\`secrets/github-token\`) in \`test/fixtures/token.txt\`: ignored by the repository config, \`ignore.findings\`: \`secrets/*\` in \`test/fixtures/**\` (Fake keys)
      - **eval of user input** (\`llm/security\`) in \`src/run.js\`: ignored by @‍alice, this finding
      - **Unpinned action** (\`ci-workflows/unpinned-action\`) in \`.github/workflows/ci.yml\`: ignored by @‍bob, rule \`ci-workflows/unpinned-action\` on this PR
      - **Source without tests** (\`missing-tests/source-without-tests\`): ignored by the repository config, \`ignore.rules\`: \`missing-tests/*\`
      - rule \`secrets/aws-access-key\`: ignored by @‍bob; not found in this push

      </details>"
    `);
  });

  it("survives the trip through the summary state, and drops entries it cannot read", () => {
    const state = { headSha: "abc", findings: {}, ignored: entries };
    expect(decodeSummaryState(encodeSummaryState(state))?.ignored).toEqual(entries);
    const tampered = encodeSummaryState({ ...state, ignored: [...entries, { kind: "rule" } as never] });
    expect(decodeSummaryState(tampered)?.ignored).toEqual(entries);
  });
});
