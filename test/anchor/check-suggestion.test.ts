import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { anchorFinding } from "../../src/anchor/anchor-finding.ts";
import { checkSuggestion } from "../../src/anchor/check-suggestion.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { splitGitDiff } from "../../src/diff/split-git-diff.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { renderSuggestion } from "../../src/render/render-suggestion.ts";
import { commentableLines, whyUnprocessable } from "../helpers/commentable-lines.ts";

const PRS = resolve(import.meta.dirname, "../../../shared/corpus/prs");

function finding(path: string, startLine: number | null, line: number): Finding {
  return {
    ruleId: "llm/bug",
    source: "llm",
    severity: "high",
    category: "bug",
    title: "t",
    message: "m",
    path,
    line,
    startLine,
    side: "RIGHT",
    confidence: 0.9,
    riskFloor: 0,
    policy: null,
    replacement: "fixed();",
  };
}

function newLines(file: DiffFile, hunkIndex: number): number[] {
  return (file.hunks[hunkIndex]?.lines ?? []).flatMap((l) => (l.newLine === null ? [] : [l.newLine]));
}

describe.skipIf(!existsSync(PRS))(
  "suggestions on the corpus's real diffs (skipped: ../shared/corpus absent)",
  () => {
    const diffs = readdirSync(PRS)
      .filter((name) => name.endsWith(".diff"))
      .sort()
      .slice(0, 60);

    it("a range inside one RIGHT hunk applies, with the head lines GitHub shows, and GitHub would accept it", () => {
      let checked = 0;
      for (const name of diffs) {
        const text = readFileSync(resolve(PRS, name), "utf8");
        // Each file's section of the raw diff, for the independent reading of its lines.
        const patches = new Map(
          splitGitDiff(text).flatMap((section) =>
            parseUnifiedDiff(section).map((f) => [f.path, section] as const),
          ),
        );
        const files = parseUnifiedDiff(text);
        const byPath = new Map(files.map((file) => [file.path, file]));
        for (const file of files) {
          const patch = patches.get(file.path);
          if (patch === undefined) continue;
          const truth = commentableLines(patch).lines;
          for (let h = 0; h < file.hunks.length; h++) {
            const numbers = newLines(file, h);
            const first = numbers[0];
            const last = numbers[Math.min(2, numbers.length - 1)];
            if (first === undefined || last === undefined || last === first) continue;
            const f = finding(file.path, first, last);
            const anchored = anchorFinding(f, byPath);
            if (!anchored.ok) throw new Error(`${name} ${file.path}: ${anchored.reason}`);
            const check = checkSuggestion(f, anchored.anchor, file);
            const expected = numbers
              .slice(0, numbers.indexOf(last) + 1)
              .map((n) => truth.get(`RIGHT:${n}`)?.text);
            if (expected.join("\n") === "fixed();") continue;
            expect(check, `${name} ${file.path} hunk ${h}`).toEqual({ applies: true, current: expected });
            const posted = {
              path: file.path,
              line: last,
              side: "RIGHT",
              start_line: first,
              body: "```suggestion\nfixed();\n```",
            };
            expect(whyUnprocessable(posted, patches), `${name} ${file.path}`).toBeNull();
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(200);
    });

    it("a range across two hunks, or snapped to the diff, is never a suggestion", () => {
      let checked = 0;
      for (const name of diffs) {
        const files = parseUnifiedDiff(readFileSync(resolve(PRS, name), "utf8"));
        const byPath = new Map(files.map((file) => [file.path, file]));
        for (const file of files) {
          for (let h = 0; h + 1 < file.hunks.length; h++) {
            const end = newLines(file, h).at(-1);
            const next = newLines(file, h + 1)[0];
            if (end === undefined || next === undefined) continue;
            const across = finding(file.path, end, next);
            const anchored = anchorFinding(across, byPath);
            if (!anchored.ok) continue;
            expect(checkSuggestion(across, anchored.anchor, file).applies, `${name} ${file.path}`).toBe(
              false,
            );
            // Just past the hunk: anchorFinding snaps it back, and a snapped fix would hit the wrong lines.
            const past = finding(file.path, null, end + 1);
            const snapped = anchorFinding(past, byPath);
            if (snapped.ok && snapped.anchor.moved) {
              expect(checkSuggestion(past, snapped.anchor, file)).toEqual({
                applies: false,
                reason: "the comment was moved off the lines it is about",
              });
            }
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(50);
    });
  },
);

describe("checkSuggestion and renderSuggestion", () => {
  const file = parseUnifiedDiff(
    "diff --git a/a.js b/a.js\nindex 1111111..2222222 100644\n--- a/a.js\n+++ b/a.js\n@@ -1,2 +1,2 @@\n-old();\n+run();\n keep();\n",
  )[0] as DiffFile;
  const at = (overrides: Partial<Finding>) => ({ ...finding("a.js", null, 1), ...overrides });
  const anchor = { path: "a.js", line: 1, side: "RIGHT" as const, startLine: null, moved: false };

  it("refuses removed lines and fixes that change nothing", () => {
    expect(checkSuggestion(at({ side: "LEFT" }), { ...anchor, side: "LEFT" }, file)).toEqual({
      applies: false,
      reason: "it is about removed lines",
    });
    expect(checkSuggestion(at({ replacement: "run();\n" }), anchor, file)).toEqual({
      applies: false,
      reason: "it would not change the lines",
    });
  });

  it("never lets a fence in the fix end the block early, nor a credential shape through", () => {
    const ok = { applies: true as const, current: ["run();"] };
    expect(renderSuggestion("a\n```\n@everyone", ok)).toBe(
      "_A proposed fix was left out: it contains a code fence._",
    );
    expect(renderSuggestion(`key = "AKIA${"B".repeat(16)}"`, ok)).not.toContain("```suggestion");
    expect(renderSuggestion("run(safely);", ok)).toBe("```suggestion\nrun(safely);\n```");
  });
});
