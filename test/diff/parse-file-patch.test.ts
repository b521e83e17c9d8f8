import { describe, expect, it } from "vitest";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

const PATCH = `@@ -10,3 +10,4 @@ class Cart {
   total() {
-    return this.sum;
+    const sum = this.items.reduce((a, b) => a + b, 0);
+    return sum;
   }`;

describe("parseFilePatch", () => {
  it("parses a listFiles patch (hunks only) into the same model as the full diff", () => {
    const listed = parseFilePatch({
      filename: "src/cart.ts",
      status: "modified",
      additions: 2,
      deletions: 1,
      patch: PATCH,
    });
    const [full] = parseUnifiedDiff(
      `diff --git a/src/cart.ts b/src/cart.ts\nindex 1..2 100644\n--- a/src/cart.ts\n+++ b/src/cart.ts\n${PATCH}\n`,
    );
    expect(listed).toEqual(full);
    expect(listed.hunks[0]?.section).toBe("class Cart {");
    expect(listed.hunks[0]?.lines.map((l) => [l.kind, l.oldLine, l.newLine])).toEqual([
      ["context", 10, 10],
      ["del", 11, null],
      ["add", null, 11],
      ["add", null, 12],
      ["context", 12, 13],
    ]);
  });

  it("keeps the old path of a renamed file", () => {
    const file = parseFilePatch({
      filename: "src/new.ts",
      previous_filename: "src/old.ts",
      status: "renamed",
      additions: 2,
      deletions: 1,
      patch: PATCH,
    });
    expect([file.path, file.oldPath, file.status]).toEqual(["src/new.ts", "src/old.ts", "renamed"]);
  });

  it("marks a text file GitHub sent without patch as missing, too large, with its counts", () => {
    const file = parseFilePatch({
      filename: "data/big.json",
      status: "modified",
      additions: 4000,
      deletions: 10,
    });
    expect(file).toMatchObject({
      binary: false,
      patchMissing: true,
      patchMissingReason: "GitHub sent no patch (file diff too large)",
      additions: 4000,
      deletions: 10,
      hunks: [],
    });
  });

  it("guesses binary for a file with no patch and no counted lines, and says it is a guess", () => {
    const file = parseFilePatch({ filename: "img/logo.png", status: "added", additions: 0, deletions: 0 });
    expect(file).toMatchObject({
      binary: true,
      patchMissing: true,
      patchMissingReason: expect.stringMatching(/binary or empty/),
    });
  });

  it("treats a pure rename and a mode-only change as complete files with no lines", () => {
    const renamed = parseFilePatch({
      filename: "b.js",
      previous_filename: "a.js",
      status: "renamed",
      additions: 0,
      deletions: 0,
    });
    const chmod = parseFilePatch({ filename: "run.sh", status: "changed", additions: 0, deletions: 0 });
    for (const file of [renamed, chmod]) {
      expect(file).toMatchObject({ binary: false, patchMissing: false, hunks: [] });
    }
    expect(chmod.status).toBe("modified");
  });

  it("strips CRLF and reads `\\ No newline at end of file` in a listFiles patch", () => {
    const file = parseFilePatch({
      filename: "w.txt",
      status: "modified",
      additions: 1,
      deletions: 1,
      patch:
        "@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n\\ No newline at end of file\r\n+c\r\n\\ No newline at end of file",
    });
    expect(file.hunks[0]?.lines.map((l) => [l.kind, l.content, l.noNewlineAtEnd === true])).toEqual([
      ["context", "a", false],
      ["del", "b", true],
      ["add", "c", true],
    ]);
  });

  it("never throws on a patch jsdiff rejects: the file is kept with the reason", () => {
    const file = parseFilePatch({
      filename: "x.js",
      status: "modified",
      additions: 9,
      deletions: 0,
      patch: "@@ -1,2 +1,9 @@\n+only one",
    });
    expect(file).toMatchObject({ patchMissing: true, additions: 9, hunks: [] });
    expect(file.patchMissingReason).toMatch(/^GitHub's patch could not be parsed \(.+\)$/);
  });
});
