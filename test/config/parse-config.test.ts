import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { parseConfig } from "../../src/config/parse-config.ts";
import { parseConfigYaml } from "../../src/config/parse-config-yaml.ts";

describe("parseConfig: invalid parts default, valid parts stay", () => {
  it("gives the defaults for an empty or missing file, with no problems", () => {
    expect(parseConfigYaml("")).toEqual({ config: defaultConfig(), problems: [] });
    expect(parseConfigYaml("# only a comment\n")).toEqual({ config: defaultConfig(), problems: [] });
    expect(parseConfig(null)).toEqual({ config: defaultConfig(), problems: [] });
  });

  it("keeps the contract's routing keys", () => {
    const { config, problems } = parseConfigYaml(
      "routing:\n  high:\n    teams: [backend]\n    users: [alice]\n  critical:\n    teams: [security]\n    users: [bob]\n",
    );
    expect(problems).toEqual([]);
    expect(config.routing.high).toEqual({ teams: ["backend"], users: ["alice"] });
    expect(config.routing.critical).toEqual({ teams: ["security"], users: ["bob"] });
  });

  it("reports an unknown key with its path and a spelling suggestion, and keeps its siblings", () => {
    const { config, problems } = parseConfigYaml("review:\n  maxComments: 3\n  severityThreshold: high\n");
    expect(problems).toEqual([
      {
        file: ".github/pr-triage.yml",
        keyPath: "review.maxComments",
        problem: "Unknown key `maxComments`.",
        fix: "Did you mean `maxInlineComments`? Remove it or fix its spelling. Keys allowed here: `severityThreshold`, `maxInlineComments`.",
      },
    ]);
    expect(config.review).toEqual({ severityThreshold: "high", maxInlineComments: 8 });
  });

  it("reports a wrong type with what was expected and received, defaults that key only", () => {
    const { config, problems } = parseConfigYaml(
      "review:\n  maxInlineComments: ten\nrouting:\n  high:\n    teams: [backend]\nlabels: false\n",
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      keyPath: "review.maxInlineComments",
      problem: 'Expected a whole number from 0 to 50, got "ten".',
    });
    expect(problems[0]?.fix).toContain("triage uses the default (`8`)");
    expect(problems[0]?.fix).toContain("`review.maxInlineComments` in docs/configuration.md");
    expect(config.review.maxInlineComments).toBe(8);
    expect(config.routing.high.teams).toEqual(["backend"]);
    expect(config.labels).toBe(false);
  });

  it("reports an out-of-range number and a bad enum value", () => {
    const { config, problems } = parseConfigYaml(
      "llm:\n  maxInputTokens: 500\nchecks:\n  conclusion:\n    critical: block\n    high: failure\n",
    );
    expect(problems.map((p) => [p.keyPath, p.problem])).toEqual([
      [
        "checks.conclusion.critical",
        'Expected one of `success`, `neutral`, `failure`, `action_required`, got "block".',
      ],
      ["llm.maxInputTokens", "Expected a whole number from 2000 to 1000000, got 500."],
    ]);
    expect(config.llm.maxInputTokens).toBe(32_000);
    expect(config.checks.conclusion).toEqual({
      low: "success",
      medium: "success",
      high: "failure",
      critical: "action_required",
    });
  });

  it("drops only the bad entry of a list", () => {
    const { config, problems } = parseConfigYaml(
      [
        "ignore: ['docs/**', 42, 'fixtures/**']",
        "risk:",
        "  sensitivePaths:",
        "    - { pattern: 'src/auth/**', weight: 60, reason: Auth }",
        "    - { pattern: 'src/pay/**' }",
        "    - { pattern: 'infra/**', weight: high, reason: Infra }",
      ].join("\n"),
    );
    expect(problems.map((p) => p.keyPath)).toEqual([
      "ignore[1]",
      "risk.sensitivePaths[1].reason",
      "risk.sensitivePaths[2].weight",
    ]);
    expect(problems[1]).toMatchObject({
      problem: "Required key `reason` is missing; expected a non-empty string.",
      fix: "Add `reason:` to `risk.sensitivePaths[1]`. That entry is ignored until then.",
    });
    expect(config.ignore.paths).toEqual(["docs/**", "fixtures/**"]);
    expect(config.risk.sensitivePaths).toEqual([
      { pattern: "src/auth/**", weight: 60, reason: "Auth" },
      { pattern: "infra/**", weight: 40, reason: "Infra" },
    ]);
  });

  it("rejects thresholds that do not increase, and uses the default thresholds", () => {
    const { config, problems } = parseConfigYaml("risk:\n  thresholds: { medium: 50, high: 40 }\n");
    expect(problems).toEqual([
      expect.objectContaining({
        keyPath: "risk.thresholds",
        problem: 'Thresholds must increase: medium < high < critical; got {"medium":50,"high":40}.',
      }),
    ]);
    expect(config.risk.thresholds).toEqual({ medium: 30, high: 60, critical: 85 });
  });

  it("reports a file that is not a mapping at the root", () => {
    const { config, problems } = parseConfigYaml("- review\n- routing\n");
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([
      expect.objectContaining({
        keyPath: "(root)",
        problem: "Expected a mapping of keys (`key: value` lines), got a list.",
      }),
    ]);
  });

  it("reports invalid YAML with its position and uses all defaults", () => {
    const { config, problems } = parseConfigYaml("review:\n  maxInlineComments: [1\nlabels: false\n");
    expect(config).toEqual(defaultConfig());
    expect(problems).toHaveLength(1);
    expect(problems[0]?.keyPath).toBe("(file)");
    expect(problems[0]?.problem).toMatch(/^Invalid YAML at line \d+, column \d+: \S/);
    expect(problems[0]?.fix).toContain("npx pr-triage validate");
  });

  it("reports a duplicate key as invalid YAML", () => {
    const { problems } = parseConfigYaml("labels: true\nlabels: false\n");
    expect(problems[0]?.problem).toMatch(/^Invalid YAML at line 2, column 1: Map keys must be unique/);
  });

  it("accepts `_extends`, which Probot's loader reads", () => {
    expect(parseConfigYaml("_extends: .github\n").problems).toEqual([]);
  });
});

describe("ignore: a list of globs, or a mapping with repository-wide suppressions", () => {
  it("reads the old list form as `paths`, and the mapping form whole", () => {
    expect(parseConfigYaml("ignore: ['docs/**']\n").config.ignore).toEqual({
      paths: ["docs/**"],
      rules: [],
      findings: [],
    });
    const yaml = [
      "ignore:",
      "  paths: ['docs/**']",
      "  rules: [missing-tests/source-without-tests]",
      "  findings:",
      "    - { path: 'test/fixtures/**', rule: 'secrets/*', reason: Fake keys for tests }",
    ].join("\n");
    const { config, problems } = parseConfigYaml(yaml);
    expect(problems).toEqual([]);
    expect(config.ignore).toEqual({
      paths: ["docs/**"],
      rules: ["missing-tests/source-without-tests"],
      findings: [{ path: "test/fixtures/**", rule: "secrets/*", reason: "Fake keys for tests" }],
    });
  });

  it("drops only the bad suppression of a mapping, naming its key", () => {
    const { config, problems } = parseConfigYaml(
      "ignore:\n  rules: [ok-rule]\n  findings:\n    - { path: 'a/**' }\n    - { path: 'b/**', rule: r }\n",
    );
    expect(problems.map((p) => p.keyPath)).toEqual(["ignore.findings[0].rule"]);
    expect(config.ignore).toEqual({ paths: [], rules: ["ok-rule"], findings: [{ path: "b/**", rule: "r" }] });
  });
});
