import { describe, expect, it } from "vitest";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

/** The one file a fixture describes; fails loudly if the parser found a different number. */
function only(diff: string): DiffFile {
  const files = parseUnifiedDiff(diff);
  expect(files).toHaveLength(1);
  const [file] = files;
  if (!file) throw new Error("unreachable");
  return file;
}

/** `kind:old:new:content` per line, compact enough to read the numbering at a glance. */
function numbered(file: DiffFile): string[] {
  return file.hunks.flatMap((hunk) =>
    hunk.lines.map((l) => `${l.kind}:${l.oldLine ?? "-"}:${l.newLine ?? "-"}:${l.content}`),
  );
}

describe("parseUnifiedDiff", () => {
  it("numbers every line on both sides and keeps each hunk's section", () => {
    const file = only(`diff --git a/src/app.ts b/src/app.ts
index 1111111..2222222 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -2,4 +2,5 @@ import { x } from "x";
 const a = 1;
-const b = 2;
+const b = 3;
+const c = 4;
 const d = 5;
 const e = 6;
@@ -40,3 +41,2 @@ export function handler(req: Request) {
   const user = req.user;
-  log(user);
   return user;
`);
    expect(file).toMatchObject({
      path: "src/app.ts",
      oldPath: "src/app.ts",
      status: "modified",
      binary: false,
      patchMissing: false,
      additions: 2,
      deletions: 2,
    });
    expect(file.hunks.map((h) => h.section)).toEqual([
      'import { x } from "x";',
      "export function handler(req: Request) {",
    ]);
    expect(numbered(file)).toEqual([
      "context:2:2:const a = 1;",
      "del:3:-:const b = 2;",
      "add:-:3:const b = 3;",
      "add:-:4:const c = 4;",
      "context:4:5:const d = 5;",
      "context:5:6:const e = 6;",
      "context:40:41:  const user = req.user;",
      "del:41:-:  log(user);",
      "context:42:42:  return user;",
    ]);
  });

  it("reads new and deleted files, naming a deleted file by the path it had", () => {
    const files = parseUnifiedDiff(`diff --git a/bin/run.sh b/bin/run.sh
new file mode 100755
index 0000000..3333333
--- /dev/null
+++ b/bin/run.sh
@@ -0,0 +1,2 @@
+#!/bin/sh
+exec node main.js
diff --git a/old/legacy.js b/old/legacy.js
deleted file mode 100644
index 4444444..0000000
--- a/old/legacy.js
+++ /dev/null
@@ -1,2 +0,0 @@
-module.exports = 1;
-// end
`);
    expect(
      files.map((f) => [f.path, f.oldPath, f.status, f.oldMode, f.newMode, f.additions, f.deletions]),
    ).toEqual([
      ["bin/run.sh", "bin/run.sh", "added", null, "100755", 2, 0],
      ["old/legacy.js", "old/legacy.js", "removed", "100644", null, 0, 2],
    ]);
    expect(numbered(files[0] as DiffFile)).toEqual(["add:-:1:#!/bin/sh", "add:-:2:exec node main.js"]);
    expect(numbered(files[1] as DiffFile)).toEqual(["del:1:-:module.exports = 1;", "del:2:-:// end"]);
  });

  it("recognizes renames with and without changes, and copies", () => {
    const files = parseUnifiedDiff(`diff --git a/lib/a.js b/lib/b.js
similarity index 100%
rename from lib/a.js
rename to lib/b.js
diff --git a/lib/c.js b/src/c.js
similarity index 80%
rename from lib/c.js
rename to src/c.js
index 5555555..6666666 100644
--- a/lib/c.js
+++ b/src/c.js
@@ -1,2 +1,2 @@
-const c = require("./a");
+const c = require("../lib/b");
 module.exports = c;
diff --git a/conf/base.yml b/conf/prod.yml
similarity index 90%
copy from conf/base.yml
copy to conf/prod.yml
index 7777777..8888888 100644
--- a/conf/base.yml
+++ b/conf/prod.yml
@@ -1 +1 @@
-env: base
+env: prod
`);
    expect(files.map((f) => [f.status, f.oldPath, f.path, f.hunks.length, f.additions, f.deletions])).toEqual(
      [
        ["renamed", "lib/a.js", "lib/b.js", 0, 0, 0],
        ["renamed", "lib/c.js", "src/c.js", 1, 1, 1],
        ["copied", "conf/base.yml", "conf/prod.yml", 1, 1, 1],
      ],
    );
    expect(files.every((f) => !f.patchMissing && !f.binary)).toBe(true);
  });

  it("flags binary files, in both of git's forms, with no lines", () => {
    const files = parseUnifiedDiff(`diff --git a/img/logo.png b/img/logo.png
index 9999999..aaaaaaa 100644
Binary files a/img/logo.png and b/img/logo.png differ
diff --git a/font.woff b/font.woff
new file mode 100644
index 0000000000000000000000000000000000000000..bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
GIT binary patch
literal 12
Tcmb=f;9_JFVqjor0%8CH

literal 0
HcmV?d00001

diff --git a/README.md b/README.md
index ccccccc..ddddddd 100644
--- a/README.md
+++ b/README.md
@@ -1 +1 @@
-old
+new
`);
    expect(files.map((f) => [f.path, f.status, f.binary, f.patchMissing, f.hunks.length])).toEqual([
      ["img/logo.png", "modified", true, false, 0],
      ["font.woff", "added", true, false, 0],
      ["README.md", "modified", false, false, 1],
    ]);
  });

  it("records mode-only changes and empty files, which have no hunks", () => {
    const files = parseUnifiedDiff(`diff --git a/scripts/build.sh b/scripts/build.sh
old mode 100644
new mode 100755
diff --git a/.gitkeep b/.gitkeep
new file mode 100644
index 0000000..e69de29
diff --git a/empty.txt b/empty.txt
deleted file mode 100644
index e69de29..0000000
`);
    expect(
      files.map((f) => [f.path, f.status, f.oldMode, f.newMode, f.hunks.length, f.patchMissing, f.binary]),
    ).toEqual([
      ["scripts/build.sh", "modified", "100644", "100755", 0, false, false],
      [".gitkeep", "added", null, "100644", 0, false, false],
      ["empty.txt", "removed", "100644", null, 0, false, false],
    ]);
  });

  it("strips the `\\r` of CRLF files from content but keeps the line numbering", () => {
    const file = only(
      "diff --git a/win.txt b/win.txt\nindex 1..2 100644\n--- a/win.txt\n+++ b/win.txt\n" +
        "@@ -1,3 +1,3 @@ header\r\n one\r\n-two\r\n+TWO\r\n three\r\n",
    );
    expect(file.hunks[0]?.section).toBe("header");
    expect(numbered(file)).toEqual(["context:1:1:one", "del:2:-:two", "add:-:2:TWO", "context:3:3:three"]);
  });

  it("reads a diff whose whole text was converted to CRLF, without `\\r` in paths", () => {
    const lf =
      "diff --git a/a.txt b/a.txt\nindex 1..2 100644\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-x\n+y\n";
    const file = only(lf.replaceAll("\n", "\r\n"));
    expect(file.path).toBe("a.txt");
    expect(numbered(file)).toEqual(["del:1:-:x", "add:-:1:y"]);
  });

  it("treats `\\ No newline at end of file` as a mark on the previous line, not as a line", () => {
    const file = only(`diff --git a/v.txt b/v.txt
index 1..2 100644
--- a/v.txt
+++ b/v.txt
@@ -1,2 +1,2 @@
 keep
-last
\\ No newline at end of file
+last
`);
    expect(numbered(file)).toEqual(["context:1:1:keep", "del:2:-:last", "add:-:2:last"]);
    expect(file.hunks[0]?.lines.map((l) => l.noNewlineAtEnd === true)).toEqual([false, true, false]);
    expect([file.additions, file.deletions]).toEqual([1, 1]);
  });

  it("decodes git's C-quoted paths (octal UTF-8 bytes, tabs, quotes)", () => {
    const files =
      parseUnifiedDiff(String.raw`diff --git "a/test/fixtures/snow \342\230\203/.gitkeep" "b/test/fixtures/snow \342\230\203/.gitkeep"
new file mode 100644
index 0000000..e69de29
diff --git "a/docs/tab\there \"q\".md" "b/docs/tab\there \"q\".md"
index 1..2 100644
--- "a/docs/tab\there \"q\".md"
+++ "b/docs/tab\there \"q\".md"
@@ -1 +1 @@
-a
+b
`);
    expect(files.map((f) => f.path)).toEqual(["test/fixtures/snow ☃/.gitkeep", 'docs/tab\there "q".md']);
    expect(files[1]?.additions).toBe(1);
  });

  it("reads unquoted paths with spaces, even one containing ` b/`", () => {
    const files = parseUnifiedDiff(`diff --git a/my docs/read me.md b/my docs/read me.md
index 1..2 100644
--- a/my docs/read me.md\t
+++ b/my docs/read me.md\t
@@ -1 +1 @@
-a
+b
diff --git a/x b/y.txt b/x b/y.txt
old mode 100644
new mode 100755
`);
    expect(files.map((f) => [f.path, f.oldPath])).toEqual([
      ["my docs/read me.md", "my docs/read me.md"],
      ["x b/y.txt", "x b/y.txt"],
    ]);
  });

  it("keeps hunk lines that look like headers (`--- `, `+++ `, `diff --git`) as content", () => {
    const file = only(`diff --git a/q.sql b/q.sql
index 1..2 100644
--- a/q.sql
+++ b/q.sql
@@ -1,3 +1,3 @@
--- old comment
+++ new comment
 diff --git is just text here
-select 1;
+select 2;
`);
    expect(numbered(file)).toEqual([
      "del:1:-:-- old comment",
      "add:-:1:++ new comment",
      "context:2:2:diff --git is just text here",
      "del:3:-:select 1;",
      "add:-:3:select 2;",
    ]);
  });

  it("reads hunk headers without counts", () => {
    const file = only(
      "diff --git a/one b/one\nindex 1..2 100644\n--- a/one\n+++ b/one\n@@ -1 +1 @@\n-a\n+b\n",
    );
    expect(file.hunks[0]).toMatchObject({ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, section: "" });
  });

  it("keeps a file whose hunk is malformed, with the reason, and still parses the others", () => {
    const files = parseUnifiedDiff(`diff --git a/broken.js b/broken.js
index 1..2 100644
--- a/broken.js
+++ b/broken.js
@@ -1,5 +1,5 @@
-a
+b
diff --git a/fine.js b/fine.js
index 1..2 100644
--- a/fine.js
+++ b/fine.js
@@ -1 +1 @@
-x
+y
`);
    expect(files.map((f) => [f.path, f.patchMissing, f.hunks.length])).toEqual([
      ["broken.js", true, 0],
      ["fine.js", false, 1],
    ]);
    expect(files[0]?.patchMissingReason).toMatch(/^the diff of this file could not be parsed \(.+\)$/);
  });

  it("reads plain `diff -u` output with several files, giving each its own sections", () => {
    const files = parseUnifiedDiff(`--- a/one.c\t2024-01-01 00:00:00
+++ b/one.c\t2024-01-02 00:00:00
@@ -1 +1 @@ int one(void)
-1
+2
--- a/two.c\t2024-01-01 00:00:00
+++ b/two.c\t2024-01-02 00:00:00
@@ -5 +5 @@ int two(void)
-5
+6
`);
    expect(files.map((f) => [f.path, f.hunks[0]?.section, f.hunks[0]?.newStart])).toEqual([
      ["one.c", "int one(void)", 1],
      ["two.c", "int two(void)", 5],
    ]);
  });

  it("ignores a mail preamble before the first file, and returns nothing for an empty diff", () => {
    const files = parseUnifiedDiff(
      "From 1234 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] fix\n\n---\n a.txt | 2 +-\n\n" +
        "diff --git a/a.txt b/a.txt\nindex 1..2 100644\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-a\n+b\n",
    );
    expect(files.map((f) => f.path)).toEqual(["a.txt"]);
    expect(parseUnifiedDiff("")).toEqual([]);
    expect(parseUnifiedDiff("\n\n")).toEqual([]);
  });

  it("refuses hunks without any file name, pointing to parseFilePatch", () => {
    expect(() => parseUnifiedDiff("@@ -1 +1 @@\n-a\n+b\n")).toThrow(/parseFilePatch/);
  });
});
