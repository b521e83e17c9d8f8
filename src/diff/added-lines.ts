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
  const out: AddedLine[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "add" && line.newLine !== null)
        out.push({ line: line.newLine, content: line.content });
    }
  }
  return out;
}

/** The lines a file loses, in order. */
export function removedLines(file: DiffFile): RemovedLine[] {
  const out: RemovedLine[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "del" && line.oldLine !== null)
        out.push({ line: line.oldLine, content: line.content });
    }
  }
  return out;
}
