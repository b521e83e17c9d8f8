import type { DiffFile } from "./diff-model.ts";

/** A line the PR adds, with its number in the new file (the RIGHT side of the diff). */
export interface AddedLine {
  line: number;
  content: string;
}

/** A line the PR removes, with its number in the old file (the LEFT side of the diff). */
export interface RemovedLine {
  line: number;
  content: string;
}

/** The lines a file gains, in order. Binary files and files without a patch have none. */
export function addedLines(file: DiffFile): AddedLine[] {
  return linesOfKind(file, "add");
}

/** The lines a file loses, in order. */
export function removedLines(file: DiffFile): RemovedLine[] {
  return linesOfKind(file, "del");
}

/** One side's lines, numbered on that side: new-file numbers for added lines, old-file for removed. */
function linesOfKind(file: DiffFile, kind: "add" | "del"): { line: number; content: string }[] {
  const out: { line: number; content: string }[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      const number = kind === "add" ? line.newLine : line.oldLine;
      if (line.kind === kind && number !== null) out.push({ line: number, content: line.content });
    }
  }
  return out;
}
