import type { Hunk } from "./diff-model.ts";

/** Added and deleted lines over all hunks: what git's numstat and GitHub's counts report. */
export function countChanges(hunks: readonly Hunk[]): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "add") additions++;
      else if (line.kind === "del") deletions++;
    }
  }
  return { additions, deletions };
}
