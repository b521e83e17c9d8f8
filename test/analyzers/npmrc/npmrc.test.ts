import { describe, expect, it } from "vitest";
import { npmrc } from "../../../src/analyzers/npmrc/npmrc.ts";
import { analyzerInput, diffFiles } from "../diff-fixture.ts";

describe("npmrc", () => {
  it("flags deleting an .npmrc that hardened installs, on the LEFT side", async () => {
    const diff = `
diff --git a/.npmrc b/.npmrc
deleted file mode 100644
index bd68424..0000000
--- a/.npmrc
+++ /dev/null
@@ -1,4 +0,0 @@
-package-lock=false
-min-release-age=7
-ignore-scripts=true
-allow-git=none
`;
    const findings = await npmrc.run(analyzerInput(diffFiles(diff)));
    expect(findings).toMatchObject([
      {
        ruleId: "npmrc/hardening-removed",
        severity: "high",
        path: ".npmrc",
        line: 2,
        side: "LEFT",
        riskFloor: 70,
      },
    ]);
    expect(findings[0]?.message).toContain("`ignore-scripts=true`");
    expect(findings[0]?.message).toContain("`allow-git=none`");
  });

  it("flags weakened settings and registry overrides", async () => {
    const diff = `
diff --git a/.npmrc b/.npmrc
index 1111111..2222222 100644
--- a/.npmrc
+++ b/.npmrc
@@ -1,2 +1,3 @@
-ignore-scripts=true
+ignore-scripts=false
+@acme:registry=https://npm.attacker.example/
 save-exact=true
`;
    const findings = await npmrc.run(analyzerInput(diffFiles(diff)));
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["npmrc/hardening-removed", 1],
      ["npmrc/hardening-weakened", 1],
      ["npmrc/registry-override", 2],
    ]);
  });

  it("stays quiet when hardening is only moved, or the registry is npm's", async () => {
    const diff = `
diff --git a/.npmrc b/.npmrc
index 1111111..2222222 100644
--- a/.npmrc
+++ b/.npmrc
@@ -1,2 +1,3 @@
-ignore-scripts=true
 save-exact=true
+ignore-scripts=true
+registry=https://registry.npmjs.org/
`;
    expect(await npmrc.run(analyzerInput(diffFiles(diff)))).toEqual([]);
  });
});
