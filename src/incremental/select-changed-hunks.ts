import type { DiffFile, Hunk } from "../diff/diff-model.ts";
import type { ChangedLines } from "./changed-lines.ts";

/**
 * The part of the PR diff an incremental review sends: of each file, the PR hunks that overlap
 * a line changed since the last triaged head (whole hunks, so the model keeps their context and
 * absolute line numbers). Files the AI did not see last time (`unreviewed`) are sent whole;
 * files with no overlapping hunk are left out: the earlier review of them still stands.
 */
export function selectChangedHunks(
  prFiles: readonly DiffFile[],
  changed: ReadonlyMap<string, ChangedLines>,
  unreviewed: ReadonlySet<string>,
): DiffFile[] {
  const selected: DiffFile[] = [];
  for (const file of prFiles) {
    const lines = changed.get(file.path);
    if (unreviewed.has(file.path) || lines === "all") {
      selected.push(file);
      continue;
    }
    if (lines === undefined) continue;
    const hunks = file.hunks.filter((hunk) => overlaps(hunk, lines));
    if (hunks.length > 0) selected.push({ ...file, hunks });
  }
  return selected;
}

function overlaps(hunk: Hunk, lines: ReadonlySet<number>): boolean {
  // An all-deleted hunk has no new lines; it sits at `newStart` (the line after the gap).
  const first = hunk.newStart;
  const last = hunk.newStart + Math.max(0, hunk.newLines - 1);
  for (let line = first; line <= last; line++) if (lines.has(line)) return true;
  return false;
}
