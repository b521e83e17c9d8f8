import { describe, expect, it } from "vitest";
import { type AnchorRequest, anchorFinding, MAX_SNAP_DISTANCE } from "../../src/anchor/anchor-finding.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

// Hunk 1: old 10–15, new 10–16; deleted old 12, added new 12 and 13.
// Hunk 2: old 40–47, new 41–47; deleted old 43 and 44, added new 44.
const DIFF = `diff --git a/src/app.ts b/src/app.ts
index 1..2 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -10,6 +10,7 @@
 c10
 c11
-old12
+new12
+new13
 c13
 c14
 c15
@@ -40,8 +41,7 @@
 c40
 c41
 c42
-old43
-old44
+new44
 c45
 c46
 c47
diff --git a/src/before.ts b/src/after.ts
similarity index 90%
rename from src/before.ts
rename to src/after.ts
index 1..2 100644
--- a/src/before.ts
+++ b/src/after.ts
@@ -1 +1 @@
-a
+b
diff --git a/logo.png b/logo.png
index 1..2 100644
Binary files a/logo.png and b/logo.png differ
`;

const files = new Map(parseUnifiedDiff(DIFF).map((f) => [f.path, f]));
const at = (line: number | null, side: AnchorRequest["side"] = "RIGHT", startLine: number | null = null) =>
  anchorFinding({ path: "src/app.ts", line, side, startLine }, files);

describe("anchorFinding", () => {
  it("accepts added and context lines on RIGHT, deleted and context lines on LEFT, unmoved", () => {
    for (const line of [10, 12, 13, 16, 41, 44, 47]) {
      expect(at(line)).toEqual({
        ok: true,
        anchor: { path: "src/app.ts", line, side: "RIGHT", startLine: null, moved: false },
      });
    }
    for (const line of [10, 12, 15, 40, 43, 44, 47]) {
      expect(at(line, "LEFT")).toMatchObject({ ok: true, anchor: { line, side: "LEFT", moved: false } });
    }
  });

  it("keeps a range inside one hunk", () => {
    expect(at(16, "RIGHT", 11)).toMatchObject({
      ok: true,
      anchor: { line: 16, startLine: 11, moved: false },
    });
  });

  it("clamps a range that starts before the hunk to the hunk's first line", () => {
    expect(at(13, "RIGHT", 2)).toMatchObject({ ok: true, anchor: { line: 13, startLine: 10, moved: false } });
    // Starting in the previous hunk must not produce a range across hunks either.
    expect(at(44, "RIGHT", 12)).toMatchObject({ ok: true, anchor: { line: 44, startLine: 41 } });
  });

  it("drops a reversed or empty range rather than send one GitHub would reject", () => {
    expect(at(12, "RIGHT", 14)).toMatchObject({ ok: true, anchor: { line: 12, startLine: null } });
    expect(at(12, "RIGHT", 12)).toMatchObject({ ok: true, anchor: { line: 12, startLine: null } });
  });

  it("snaps a line just outside a hunk to the nearest changed line, marked moved", () => {
    // 18 is 5 past new13; 39 is 2 before hunk 2 and 5 before new44.
    expect(at(18)).toEqual({
      ok: true,
      anchor: { path: "src/app.ts", line: 13, side: "RIGHT", startLine: null, moved: true },
    });
    expect(at(39)).toMatchObject({ ok: true, anchor: { line: 44, moved: true } });
    expect(at(8, "LEFT")).toMatchObject({ ok: true, anchor: { line: 12, side: "LEFT", moved: true } });
    // A range around an off-diff line is not kept: only the snapped line is certain.
    expect(at(18, "RIGHT", 17)).toMatchObject({
      ok: true,
      anchor: { line: 13, startLine: null, moved: true },
    });
  });

  it("breaks a tie between two equally near changes towards the earlier line", () => {
    const [file] = parseUnifiedDiff(
      "diff --git a/t.txt b/t.txt\nindex 1..2 100644\n--- a/t.txt\n+++ b/t.txt\n@@ -1,0 +1 @@\n+x\n@@ -10,0 +10 @@\n+y\n",
    );
    const map = new Map(file ? [[file.path, file]] : []);
    expect(anchorFinding({ path: "t.txt", line: 5, side: "RIGHT", startLine: null }, map)).toMatchObject({
      ok: true,
      anchor: { line: 1, moved: true },
    });
    expect(anchorFinding({ path: "t.txt", line: 6, side: "RIGHT", startLine: null }, map)).toMatchObject({
      anchor: { line: 10, moved: true },
    });
  });

  it("refuses a line too far from any change, naming the nearest hunk", () => {
    expect(at(13 + MAX_SNAP_DISTANCE + 1)).toEqual({
      ok: false,
      reason: `line 19 (RIGHT) is outside the diff; the nearest hunk covers lines 10–16, and no change is within ${MAX_SNAP_DISTANCE} lines`,
    });
    expect(at(38)).toMatchObject({ ok: false }); // 6 from new44, though only 3 from the hunk
    expect(at(500, "LEFT")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^line 500 \(LEFT\) is outside the diff; the nearest hunk covers lines 40–47/,
      ),
    });
  });

  it("refuses what cannot be a review comment, with a reason", () => {
    expect(anchorFinding({ path: null, line: 3, side: "RIGHT", startLine: null }, files)).toEqual({
      ok: false,
      reason: "not about a single file",
    });
    expect(anchorFinding({ path: "src/other.ts", line: 3, side: "RIGHT", startLine: null }, files)).toEqual({
      ok: false,
      reason: "src/other.ts is not one of this pull request's changed files",
    });
    expect(anchorFinding({ path: "logo.png", line: 1, side: "RIGHT", startLine: null }, files)).toEqual({
      ok: false,
      reason: "binary file: there is no line to comment on",
    });
    expect(at(null)).toEqual({ ok: false, reason: "no line given" });
    expect(at(0)).toEqual({ ok: false, reason: "line 0 is not a line number" });
    expect(at(12.5)).toEqual({ ok: false, reason: "line 12.5 is not a line number" });
  });

  it("explains a file whose patch GitHub did not send", () => {
    const big = parseFilePatch({ filename: "big.sql", status: "modified", additions: 9000, deletions: 0 });
    expect(
      anchorFinding(
        { path: "big.sql", line: 1, side: "RIGHT", startLine: null },
        new Map([["big.sql", big]]),
      ),
    ).toEqual({
      ok: false,
      reason: "GitHub sent no patch (file diff too large)",
    });
  });

  it("finds a renamed file by its old path and a path written with ./, and posts on the new path", () => {
    expect(
      anchorFinding({ path: "src/before.ts", line: 1, side: "LEFT", startLine: null }, files),
    ).toMatchObject({
      ok: true,
      anchor: { path: "src/after.ts", line: 1, side: "LEFT" },
    });
    expect(
      anchorFinding({ path: "./src/app.ts", line: 12, side: "RIGHT", startLine: null }, files),
    ).toMatchObject({
      ok: true,
      anchor: { path: "src/app.ts", line: 12 },
    });
  });

  it("does not confuse the sides: a new-file number that exists only on RIGHT is not valid on LEFT", () => {
    // New 16 is in hunk 1; old 16 is not, and it is 4 lines from old12, so it snaps there.
    expect(at(16, "RIGHT")).toMatchObject({ ok: true, anchor: { line: 16, moved: false } });
    expect(at(16, "LEFT")).toMatchObject({ ok: true, anchor: { line: 12, side: "LEFT", moved: true } });
    // Old 40 is in hunk 2 on LEFT; new 40 is in no hunk, 4 lines from new44.
    expect(at(40, "LEFT")).toMatchObject({ ok: true, anchor: { line: 40, moved: false } });
    expect(at(40, "RIGHT")).toMatchObject({ ok: true, anchor: { line: 44, moved: true } });
  });
});

describe("anchorFinding on hand-built hunks", () => {
  it("trusts the hunk's lines over its header counts", () => {
    const file: DiffFile = {
      path: "x.ts",
      oldPath: "x.ts",
      status: "modified",
      binary: false,
      patchMissing: false,
      oldMode: null,
      newMode: null,
      additions: 1,
      deletions: 0,
      hunks: [
        {
          oldStart: 1,
          oldLines: 0,
          newStart: 5,
          newLines: 50, // claims far more than the one line it holds
          section: "",
          lines: [{ kind: "add", content: "x", oldLine: null, newLine: 5 }],
        },
      ],
    };
    const map = new Map([["x.ts", file]]);
    expect(anchorFinding({ path: "x.ts", line: 30, side: "RIGHT", startLine: null }, map)).toMatchObject({
      ok: false,
    });
  });
});
