import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { parseConfig } from "../../src/config/parse-config.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { detectPolicyChanges } from "../../src/policies/detect-policy-changes.ts";

const DIFF = `diff --git a/.github/pr-triage.yml b/.github/pr-triage.yml
index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644
--- a/.github/pr-triage.yml
+++ b/.github/pr-triage.yml
@@ -1,2 +1,2 @@
 review:
-  severityThreshold: medium
+  severityThreshold: critical
diff --git a/.github/pr-triage/policies/sql.md b/.github/pr-triage/policies/sql.md
deleted file mode 100644
index 3333333333333333333333333333333333333333..0000000000000000000000000000000000000000
--- a/.github/pr-triage/policies/sql.md
+++ /dev/null
@@ -1 +0,0 @@
-Parameterize SQL.
diff --git a/CODEOWNERS b/CODEOWNERS
index 4444444444444444444444444444444444444444..5555555555555555555555555555555555555555 100644
--- a/CODEOWNERS
+++ b/CODEOWNERS
@@ -1 +1,2 @@
 * @acme/backend
+/src/auth/ @mallory
diff --git a/src/app.ts b/src/app.ts
index 6666666666666666666666666666666666666666..7777777777777777777777777777777777777777 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -1 +1 @@
-export const a = 1;
+export const a = 2;
`;

describe("detectPolicyChanges", () => {
  const files: DiffFile[] = parseUnifiedDiff(DIFF);

  it("flags config, policy and CODEOWNERS changes, anchored on the first added line, and nothing else", () => {
    const findings = detectPolicyChanges(files, defaultConfig());
    expect(findings.map((f) => [f.ruleId, f.path, f.line, f.severity, f.riskFloor, f.title])).toEqual([
      [
        "config/policy-change",
        ".github/pr-triage.yml",
        2,
        "high",
        60,
        "Policy change: this PR changes PR Triage's configuration",
      ],
      [
        "config/policy-change",
        ".github/pr-triage/policies/sql.md",
        null,
        "high",
        60,
        "Policy change: this PR deletes a PR Triage policy",
      ],
      [
        "config/policy-change",
        "CODEOWNERS",
        2,
        "medium",
        30,
        "Policy change: this PR changes the code owners",
      ],
    ]);
    expect(findings[0]?.message).toContain("used the base version and ignored the proposed one");
  });

  it("uses the base config's policy globs and thresholds", () => {
    const config = parseConfig({
      policies: { paths: ["docs/rules/*.md"] },
      risk: { thresholds: { medium: 20, high: 50, critical: 90 } },
    }).config;
    const findings = detectPolicyChanges(files, config);
    expect(findings.map((f) => f.path)).toEqual([".github/pr-triage.yml", "CODEOWNERS"]);
    expect(findings.map((f) => f.riskFloor)).toEqual([50, 20]);
  });

  it("flags a policy renamed out of the policy folder by its old path", () => {
    const renamed = parseUnifiedDiff(
      "diff --git a/.github/pr-triage/policies/a.md b/docs/a.md\nsimilarity index 100%\nrename from .github/pr-triage/policies/a.md\nrename to docs/a.md\n",
    );
    expect(detectPolicyChanges(renamed, defaultConfig()).map((f) => f.title)).toEqual([
      "Policy change: this PR changes a PR Triage policy",
    ]);
  });

  it("flags nothing when no such file changes, or when no policy globs are configured", () => {
    expect(detectPolicyChanges(files.slice(3), defaultConfig())).toEqual([]);
    const config = parseConfig({ policies: { paths: [] } }).config;
    expect(detectPolicyChanges(files.slice(1, 2), config)).toEqual([]);
  });
});

describe("detectPolicyChanges on suppressions", () => {
  const configDiff = (hunk: string) =>
    parseUnifiedDiff(
      `diff --git a/.github/pr-triage.yml b/.github/pr-triage.yml\nindex 1111111..2222222 100644\n--- a/.github/pr-triage.yml\n+++ b/.github/pr-triage.yml\n${hunk}`,
    );

  it("says so when the ignore section changes, also from a hunk inside it (git names the section)", () => {
    const inside = configDiff(
      "@@ -4,3 +4,4 @@ ignore:\n   rules:\n     - missing-tests/source-without-tests\n+    - secrets/*\n   findings: []\n",
    );
    const [finding] = detectPolicyChanges(inside, defaultConfig());
    expect(finding?.title).toBe(
      "Policy change: this PR changes PR Triage's configuration and its suppressions",
    );
    expect(finding?.message).toContain("repository-wide suppressions (`ignore.rules`, `ignore.findings`)");
  });

  it("does not when only another section changes", () => {
    const elsewhere = configDiff(
      "@@ -1,3 +1,3 @@\n review:\n-  maxInlineComments: 8\n+  maxInlineComments: 3\n ignore:\n",
    );
    const [finding] = detectPolicyChanges(elsewhere, defaultConfig());
    expect(finding?.title).toBe("Policy change: this PR changes PR Triage's configuration");
  });
});
