import { describe, expect, it } from "vitest";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { filterFiles } from "../../src/diff/filter-files.ts";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

const PATCH = "@@ -1 +1 @@\n-a\n+b";

function text(path: string): DiffFile {
  return parseFilePatch({ filename: path, status: "modified", additions: 1, deletions: 1, patch: PATCH });
}

/** path → reason, with `null` for files the LLM reviews. */
function decisions(
  files: readonly DiffFile[],
  userIgnores: readonly string[] = [],
): Record<string, string | null> {
  const { reviewable, ignored } = filterFiles(files, userIgnores);
  return Object.fromEntries([
    ...reviewable.map((f) => [f.path, null] as const),
    ...ignored.map(({ file, reason }) => [file.path, reason] as const),
  ]);
}

describe("filterFiles", () => {
  it("skips lockfiles, minified, generated, snapshot, vendored and build files by default, at any depth", () => {
    const paths = [
      "package-lock.json",
      "apps/web/pnpm-lock.yaml",
      "services/api/go.sum",
      "public/app.min.js",
      "src/__snapshots__/view.test.ts.snap",
      "vendor/lib/x.go",
      "packages/ui/dist/index.js",
      "src/api.generated.ts",
      "src/index.ts",
      ".github/workflows/ci.yml",
    ];
    expect(decisions(paths.map(text))).toEqual({
      "package-lock.json": "lockfile",
      "apps/web/pnpm-lock.yaml": "lockfile",
      "services/api/go.sum": "lockfile",
      "public/app.min.js": "minified",
      "src/__snapshots__/view.test.ts.snap": "generated",
      "vendor/lib/x.go": "vendored",
      "packages/ui/dist/index.js": "build output",
      "src/api.generated.ts": "generated",
      "src/index.ts": null,
      ".github/workflows/ci.yml": null,
    });
  });

  it("adds the user's globs to the defaults instead of replacing them", () => {
    const files = ["yarn.lock", "proto/gen/api.pb.go", "docs/guide.md", "src/main.ts"].map(text);
    expect(decisions(files, ["*.pb.go", "docs/**"])).toEqual({
      "yarn.lock": "lockfile",
      "proto/gen/api.pb.go": "ignored by config (*.pb.go)",
      "docs/guide.md": "ignored by config (docs/**)",
      "src/main.ts": null,
    });
  });

  it("matches a user glob with a slash against the whole path only", () => {
    expect(decisions([text("src/docs/a.md"), text("docs/a.md")], ["docs/*.md"])).toEqual({
      "src/docs/a.md": null,
      "docs/a.md": "ignored by config (docs/*.md)",
    });
  });

  it("gives every file without reviewable lines a reason for the coverage section", () => {
    const fromDiff = parseUnifiedDiff(`diff --git a/assets/blob.dat b/assets/blob.dat
index 1..2 100644
Binary files a/assets/blob.dat and b/assets/blob.dat differ
diff --git a/src/gone.ts b/src/gone.ts
deleted file mode 100644
index 1..0000000
--- a/src/gone.ts
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git a/src/a.ts b/src/b.ts
similarity index 100%
rename from src/a.ts
rename to src/b.ts
diff --git a/run.sh b/run.sh
old mode 100644
new mode 100755
diff --git a/empty.txt b/empty.txt
new file mode 100644
index 0000000..e69de29
`);
    const tooLarge = parseFilePatch({
      filename: "data/huge.csv",
      status: "modified",
      additions: 9000,
      deletions: 0,
    });
    const noPatch = parseFilePatch({
      filename: "assets/icon.bin",
      status: "added",
      additions: 0,
      deletions: 0,
    });
    expect(decisions([...fromDiff, tooLarge, noPatch])).toEqual({
      "assets/blob.dat": "binary file",
      "src/gone.ts": "deleted file",
      "src/b.ts": "renamed without changes",
      "run.sh": "mode change only (100644 → 100755)",
      "empty.txt": "no changed lines (empty file)",
      "data/huge.csv": "GitHub sent no patch (file diff too large)",
      "assets/icon.bin": "binary or empty file (GitHub sent no patch)",
    });
  });

  it("keeps every file: reviewable and ignored together are the input", () => {
    const files = ["a.ts", "b.min.js", "c.lock", "Cargo.lock"].map(text);
    const { reviewable, ignored } = filterFiles(files, ["*.lock"]);
    expect([...reviewable, ...ignored.map((i) => i.file)].map((f) => f.path).sort()).toEqual(
      files.map((f) => f.path).sort(),
    );
  });
});
