import { describe, expect, it } from "vitest";
import { parseCodeowners } from "../../src/codeowners/parse-codeowners.ts";
import { globComplexityProblem } from "../../src/config/glob-complexity-problem.ts";
import { parseConfigYaml } from "../../src/config/parse-config-yaml.ts";
import { addedFile } from "../../src/diff/added-file.ts";
import { parsePolicyFile } from "../../src/policies/parse-policy-file.ts";
import { selectPolicies } from "../../src/policies/select-policies.ts";

/** The hostile glob seen in the wild: twenty wildcards, which backtrack for minutes on `a`×48. */
const HOSTILE = `${"*a".repeat(20)}*b`;

describe("globs from the base branch are bounded before they are compiled", () => {
  it("refuses globs whose matching cost explodes, and keeps ordinary ones", () => {
    for (const glob of [
      "src/**",
      "**/*.test.ts",
      "src/auth/**",
      "**/*auth*",
      "{src,lib}/**/*.{ts,js}",
      ".github/**",
    ]) {
      expect(globComplexityProblem(glob), glob).toBeNull();
    }
    expect(globComplexityProblem(HOSTILE)).toMatch(/has 21 `\*` wildcards; at most 2 per segment/);
    expect(globComplexityProblem("*a*a*b")).toMatch(/3 `\*` wildcards/);
    expect(globComplexityProblem("**/a/**/b/**/c/**/d/**/e")).toMatch(/5 `\*\*` segments/);
    expect(globComplexityProblem("+(a|b)*")).toMatch(/Extended globs/);
    expect(globComplexityProblem(`src/${"x".repeat(300)}`)).toMatch(/at most 256/);
  });

  it("a hostile policy glob is reported as a config problem and never reaches the matcher", () => {
    const policy = parsePolicyFile(
      ".github/pr-triage/policies/hostile.md",
      `---\npaths: ["${HOSTILE}"]\n---\n# Hostile\nBe slow.\n`,
    );
    expect(policy.problems.map((p) => p.problem).join(" ")).toMatch(/wildcards/);
    // The PR file that made the old matcher hang: selection now returns at once.
    const files = [addedFile("a".repeat(48), "x\n")];
    expect(policy.policy).not.toBeNull();
    const selection = selectPolicies(policy.policy ? [policy.policy] : [], files, 10_000);
    expect(selection.applied.length + selection.skipped.length + selection.unmatched).toBe(1);
  });

  it("hostile globs in the config and CODEOWNERS are dropped with a problem", () => {
    const { config, problems } = parseConfigYaml(
      `ignore: ["${HOSTILE}"]\nrisk:\n  sensitivePaths:\n    - { pattern: "${HOSTILE}", weight: 50, reason: x }\n`,
    );
    expect(problems.map((p) => p.keyPath)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ignore/),
        expect.stringMatching(/^risk\.sensitivePaths/),
      ]),
    );
    expect(config.ignore).not.toContain(HOSTILE);
    expect(config.risk.sensitivePaths.map((r) => r.pattern)).not.toContain(HOSTILE);
    const owners = parseCodeowners(`${HOSTILE} @acme/x\nsrc/** @acme/y\n`, ".github/CODEOWNERS");
    expect(owners.rules.map((r) => r.pattern)).toEqual(["src/**"]);
    expect(owners.problems[0]?.problem).toMatch(/wildcards/);
  });

  it("hostile globs in ignore.rules and ignore.findings are dropped with a problem (picomatch compiles them too)", () => {
    const { config, problems } = parseConfigYaml(
      `ignore:\n  rules: ["${HOSTILE}"]\n  findings:\n    - { path: "${HOSTILE}", rule: "secrets/*" }\n    - { path: "src/**", rule: "${HOSTILE}" }\n`,
    );
    expect(problems.map((p) => p.keyPath).join(" ")).toMatch(/ignore\.rules/);
    expect(problems.map((p) => p.keyPath).join(" ")).toMatch(/ignore\.findings/);
    expect(JSON.stringify(config)).not.toContain(HOSTILE);
  });
});
