import { describe, expect, it } from "vitest";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import type { CarriedFinding } from "../../src/incremental/ai-review-state.ts";
import { carryForwardFindings } from "../../src/incremental/carry-forward-findings.ts";
import { changedLines } from "../../src/incremental/changed-lines.ts";
import { codeHash } from "../../src/incremental/code-hash.ts";
import { selectChangedHunks } from "../../src/incremental/select-changed-hunks.ts";

const file = (filename: string, patch: string, status = "modified") =>
  parseFilePatch({ filename, status, additions: 1, deletions: 1, patch });

/** The PR diff at the new head: two hunks of app.ts, far apart. */
const PR_APP = file(
  "app.ts",
  [
    "@@ -1,3 +1,6 @@",
    " import { a } from './a';",
    "+import { b } from './b';",
    "+import { c } from './c';",
    "+import { d } from './d';",
    " const x = 1;",
    " const y = 2;",
    "@@ -40,3 +43,4 @@ function handler() {",
    "   const token = req.query.token;",
    "+  run(token);",
    "   return ok;",
    " }",
  ].join("\n"),
);
/** Between the heads, the push added two imports at the top: everything below moved by 2. */
const COMPARE_APP = file(
  "app.ts",
  [
    "@@ -1,2 +1,4 @@",
    " import { a } from './a';",
    " import { b } from './b';",
    "+import { c } from './c';",
    "+import { d } from './d';",
  ].join("\n"),
);

function carried(line: number, code: string, side: "LEFT" | "RIGHT" = "RIGHT"): CarriedFinding {
  return {
    path: "app.ts",
    line,
    startLine: null,
    side,
    code: codeHash(code),
    severity: "high",
    category: "security",
    title: "Token reaches run()",
    message: "…",
    confidence: 0.9,
    policy: null,
  };
}

describe("carryForwardFindings", () => {
  it("follows an unchanged line that moved because lines were added above it", () => {
    const [kept] = carryForwardFindings([carried(42, "run(token);")], [PR_APP], [COMPARE_APP]);
    expect(kept).toMatchObject({ path: "app.ts", line: 44, source: "llm", ruleId: "llm/security" });
  });

  it("drops a finding whose line the push rewrote (it is then counted as fixed)", () => {
    // Old line 42 now maps to 44, which holds other code: the line the finding was about is gone.
    expect(carryForwardFindings([carried(42, "exec(token);")], [PR_APP], [COMPARE_APP])).toEqual([]);
    // And a finding on a line the compare diff deleted has nowhere to go.
    const rewrite = file(
      "app.ts",
      "@@ -1,2 +1,2 @@\n import { a } from './a';\n-import { b } from './b';\n+import { b } from './bb';",
    );
    expect(carryForwardFindings([carried(2, "import { b } from './b';")], [PR_APP], [rewrite])).toEqual([]);
  });

  it("keeps a finding in a file the push did not touch, and drops one whose file left the PR", () => {
    expect(carryForwardFindings([carried(44, "run(token);")], [PR_APP], [])).toHaveLength(1);
    expect(carryForwardFindings([{ ...carried(44, "run(token);"), path: "gone.ts" }], [PR_APP], [])).toEqual(
      [],
    );
  });
});

describe("selectChangedHunks", () => {
  it("keeps only the PR hunks that overlap a line changed since the last head", () => {
    const [selected] = selectChangedHunks([PR_APP], changedLines([COMPARE_APP]), new Set());
    expect(selected?.hunks.map((h) => h.newStart)).toEqual([1]);
  });

  it("sends whole the files the AI did not see last time, and nothing of untouched files", () => {
    expect(selectChangedHunks([PR_APP], new Map(), new Set(["app.ts"]))[0]?.hunks).toHaveLength(2);
    expect(selectChangedHunks([PR_APP], new Map(), new Set())).toEqual([]);
  });
});

describe("carryForwardFindings, lines outside the diff", () => {
  it("follows them by number through the compare diff, and drops them when a change touched them", () => {
    const offDiff = { ...carried(30, ""), code: "" };
    expect(carryForwardFindings([offDiff], [PR_APP], [COMPARE_APP])[0]).toMatchObject({ line: 32 });
    const rewrite = file("app.ts", "@@ -30,1 +30,1 @@\n-old();\n+new();");
    expect(carryForwardFindings([offDiff], [PR_APP], [rewrite])).toEqual([]);
  });
});
