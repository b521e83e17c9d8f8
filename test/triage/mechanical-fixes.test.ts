import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { renderInlineComment } from "../../src/render/render-inline-comment.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { prepareTriage } from "../../src/triage/prepare-triage.ts";
import { diffFiles } from "../analyzers/diff-fixture.ts";

const WORKFLOW = `
diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml
index 1111111..2222222 100644
--- a/.github/workflows/ci.yml
+++ b/.github/workflows/ci.yml
@@ -1,8 +1,10 @@
 on: [push]
-permissions: read-all
+permissions: write-all
 jobs:
   test:
     runs-on: ubuntu-latest
     steps:
-      - uses: some-org/setup-tool@0123456789abcdef0123456789abcdef01234567 # v2.1.0
+      - uses: some-org/setup-tool@v2.1.0
+      - uses: other-org/lint@v3
+      - run: npm test
       - run: npm run build
`;

async function inlineComments(diff: string) {
  const files = diffFiles(diff);
  const config = defaultConfig();
  const pr = { author: "dev", authorType: "User", headRef: "ci", title: "CI", body: "" };
  const prepared = await prepareTriage({ files, config, pr }, 30_000);
  const result = concludeTriage({
    headSha: "abc",
    files,
    config,
    prepared,
    llm: { mode: "no-key" },
    llmFindings: [],
    configProblems: [],
  });
  return new Map(
    result.inline.map((entry) => [
      entry.finding.ruleId,
      renderInlineComment(entry.finding, entry.anchor, "github.com", "0123456789abcdef", entry.suggestion),
    ]),
  );
}

describe("mechanical fixes", () => {
  it("pins an action to the SHA the diff itself shows for that tag, and narrows write-all", async () => {
    const comments = await inlineComments(WORKFLOW);
    expect(comments.get("ci-workflows/unpinned-action")).toContain(
      "```suggestion\n      - uses: some-org/setup-tool@0123456789abcdef0123456789abcdef01234567 # v2.1.0\n```",
    );
    expect(comments.get("ci-workflows/write-all")).toContain(
      "```suggestion\npermissions:\n  contents: read\n```",
    );
  });

  it("offers no pin when the diff does not show the tag's SHA: a looked-up SHA would be a guess", async () => {
    const comments = await inlineComments(WORKFLOW.replace("# v2.1.0", "# v2.0.0"));
    const unpinned = comments.get("ci-workflows/unpinned-action");
    expect(unpinned).toBeDefined();
    expect(unpinned).not.toContain("suggestion");
    expect(unpinned).not.toContain("Proposed fix");
  });
});
