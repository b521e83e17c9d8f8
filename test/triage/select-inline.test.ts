import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { selectInline } from "../../src/triage/select-inline.ts";
import { llmSecurity, testFinding } from "../helpers/test-finding.ts";

const FILE = parseFilePatch({
  filename: "src/app.ts",
  status: "modified",
  additions: 3,
  deletions: 0,
  patch: `@@ -1,1 +1,4 @@
 export const a = 1;
+export const b = eval(input);
+export const c = 3;
+export const d = 4;`,
});
const FILES: ReadonlyMap<string, DiffFile> = new Map([[FILE.path, FILE]]);

const finding = (title: string, overrides: Partial<Finding> = {}): Finding =>
  testFinding({ ...llmSecurity, title, ...overrides });

const review = (overrides: Partial<ReturnType<typeof defaultConfig>["review"]> = {}) => ({
  ...defaultConfig().review,
  severityThreshold: "medium" as const,
  maxInlineComments: 2,
  ...overrides,
});

const titles = (entries: readonly { finding: Finding }[]) => entries.map((entry) => entry.finding.title);

describe("selectInline", () => {
  it("posts the weightiest anchored findings inline, up to the limit, and gives every other one a reason", () => {
    const findings = [
      finding("PR-wide", { path: null, line: null }),
      finding("Whole file", { line: null }),
      finding("Too minor", { severity: "low", line: 3 }),
      finding("Not in the diff", { line: 40 }),
      finding("Medium", { severity: "medium", line: 3 }),
      finding("Critical", { severity: "critical", line: 4 }),
      finding("High"),
      finding("High again, same line"),
    ];
    const selection = selectInline(findings, FILES, review());
    expect(selection.inline.map((entry) => [entry.finding.title, entry.anchor.line])).toEqual([
      ["Critical", 4],
      ["High", 2],
    ]);
    expect(selection.summaryOnly.map((entry) => [entry.finding.title, entry.reason])).toEqual([
      ["PR-wide", "applies to the whole PR"],
      ["Whole file", "about the whole file"],
      [
        "Not in the diff",
        "line 40 (RIGHT) is outside the diff; the nearest hunk covers lines 1–4, and no change is within 5 lines",
      ],
      ["High again, same line", "duplicate of a comment on the same line"],
      ["Medium", "over the limit of 2 inline comments"],
      ["Too minor", "below the medium threshold"],
    ]);
    expect(selection.inline.length + selection.summaryOnly.length).toBe(findings.length);
  });

  it("ranks by severity times confidence: a sure medium beats an unsure high", () => {
    const selection = selectInline(
      [finding("Unsure high", { confidence: 0.3 }), finding("Sure medium", { severity: "medium", line: 3 })],
      FILES,
      review({ maxInlineComments: 1 }),
    );
    expect(titles(selection.inline)).toEqual(["Sure medium"]);
  });

  it("does not comment again on a finding an earlier push already commented on", () => {
    const posted = finding("Posted before");
    const fresh = finding("New", { line: 3 });
    const selection = selectInline(
      [posted, fresh],
      FILES,
      review(),
      new Map([
        [posted, "aaaaaaaaaaaaaaaa"],
        [fresh, "bbbbbbbbbbbbbbbb"],
      ]),
      new Set(["aaaaaaaaaaaaaaaa"]),
    );
    expect(titles(selection.inline)).toEqual(["New"]);
    expect(selection.summaryOnly).toEqual([
      { finding: posted, reason: "already commented on an earlier push" },
    ]);
  });
});
