import type { DiffFile } from "./diff-model.ts";

/**
 * A whole file added by a PR, as the diff model shows it (every line `add`): lets evaluations
 * and tests run fixture files through the same analyzers as real diffs.
 */
export function addedFile(path: string, content: string): DiffFile {
  const lines = content.replace(/\r?\n$/, "").split(/\r?\n/);
  return {
    path,
    oldPath: path,
    status: "added",
    binary: false,
    patchMissing: false,
    oldMode: null,
    newMode: "100644",
    additions: lines.length,
    deletions: 0,
    hunks: [
      {
        oldStart: 0,
        oldLines: 0,
        newStart: 1,
        newLines: lines.length,
        section: "",
        lines: lines.map((content, index) => ({ kind: "add", content, oldLine: null, newLine: index + 1 })),
      },
    ],
  };
}
