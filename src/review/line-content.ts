import type { DiffFile } from "../diff/diff-model.ts";
import type { Side } from "../findings/finding.ts";

/**
 * The whitespace-normalized text of the diff line `line` on `side` (RIGHT: added or context
 * lines by new number; LEFT: deleted or context lines by old number), or `""` when the diff does
 * not show it. Reformatting the indentation keeps a line's identity.
 */
export function lineContent(file: DiffFile | undefined, line: number, side: Side): string {
  if (!file) return "";
  for (const hunk of file.hunks) {
    for (const hunkLine of hunk.lines) {
      const n = side === "RIGHT" ? hunkLine.newLine : hunkLine.oldLine;
      if (n === line && (side === "RIGHT" ? hunkLine.kind !== "del" : hunkLine.kind !== "add")) {
        return normalizeLine(hunkLine.content);
      }
    }
  }
  return "";
}

/** A code line with its whitespace folded: what fingerprints and carried findings hash. */
export function normalizeLine(content: string): string {
  return content.replace(/\s+/g, " ").trim();
}
