import type { DiffFile } from "../diff/diff-model.ts";

/**
 * What changed in one file between the last triaged head and the new one, on the new side:
 * `"all"` when the change cannot be read line by line (added, removed, binary, no patch), else
 * the new-file lines touched by a change. A deletion touches the lines on both sides of the gap
 * it leaves.
 */
export type ChangedLines = "all" | ReadonlySet<number>;

/** Per path (new side), from the compare diff of the two heads. Paths not listed did not change. */
export function changedLines(compareFiles: readonly DiffFile[]): Map<string, ChangedLines> {
  const changed = new Map<string, ChangedLines>();
  for (const file of compareFiles) {
    if (file.binary || file.patchMissing || file.status === "added" || file.status === "removed") {
      changed.set(file.path, "all");
      continue;
    }
    const lines = new Set<number>();
    for (const hunk of file.hunks) {
      let lastNew = hunk.newStart - 1;
      for (const line of hunk.lines) {
        if (line.kind === "add" && line.newLine !== null) lines.add(line.newLine);
        if (line.kind === "del") {
          lines.add(Math.max(1, lastNew));
          lines.add(lastNew + 1);
        }
        if (line.newLine !== null) lastNew = line.newLine;
      }
    }
    // A pure rename or mode change has no lines: nothing to re-review in it.
    if (lines.size > 0) changed.set(file.path, lines);
  }
  return changed;
}
