import type { DiffFile, DiffLine, Hunk } from "./diff-model.ts";
import { printablePath } from "./printable-path.ts";

/** Unchanged lines kept on each side of a change; longer runs of context are elided. */
const CONTEXT_LINES = 3;

/**
 * Renders one file's hunks for the model, in the style PR-Agent proved:
 * - `__new hunk__` lists the new code, each line with its absolute new-file number (the number
 *   the model must cite with side RIGHT), `+` for added lines and a space for context;
 * - `__old hunk__` lists the removed lines apart, with their old-file numbers (side LEFT), so
 *   the model cannot confuse the two sides;
 * - runs of context longer than a few lines around the changes are elided (token budget);
 * - the hunk header keeps git's section: the enclosing function or class, when git found one.
 * Hunks come out in file order, and the same file always renders to the same text.
 */
export function renderFileForModel(file: DiffFile): string {
  const header = `## File: ${printablePath(file.path)} (${describeChange(file)})`;
  if (file.hunks.length === 0) return `${header}\n${noLinesNote(file)}\n`;
  const hunks = [...file.hunks].sort((a, b) => a.newStart - b.newStart || a.oldStart - b.oldStart);
  return `${header}\n${hunks.map(renderHunk).join("\n")}\n`;
}

function describeChange(file: DiffFile): string {
  const parts: string[] = [file.status];
  if (file.status === "renamed" || file.status === "copied")
    parts[0] = `${file.status} from ${printablePath(file.oldPath)}`;
  if (file.oldMode !== null && file.newMode !== null && file.oldMode !== file.newMode) {
    parts.push(`mode ${file.oldMode} → ${file.newMode}`);
  } else if (file.status === "added" && file.newMode !== null && file.newMode !== "100644") {
    parts.push(`mode ${file.newMode}`);
  }
  return parts.join(", ");
}

function noLinesNote(file: DiffFile): string {
  if (file.binary) return "(binary file: no lines to review)";
  if (file.patchMissing) return `(no patch: ${file.patchMissingReason ?? "GitHub sent none"})`;
  return "(no textual changes)";
}

function renderHunk(hunk: Hunk): string {
  const section = hunk.section === "" ? "" : ` ${hunk.section}`;
  const out = [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${section}`,
    "__new hunk__",
  ];
  const kept = keptLines(hunk.lines);
  let elided = 0;
  const flushElided = () => {
    if (elided > 0) out.push(`… ${elided} unchanged line${elided === 1 ? "" : "s"} …`);
    elided = 0;
  };
  const removed: DiffLine[] = [];
  hunk.lines.forEach((line, index) => {
    if (line.kind === "del") {
      removed.push(line);
      return;
    }
    if (!kept[index]) {
      elided++;
      return;
    }
    flushElided();
    out.push(`${line.newLine} ${line.kind === "add" ? "+" : " "}${line.content}`);
    if (line.noNewlineAtEnd) out.push(NO_NEWLINE);
  });
  flushElided();
  if (removed.length > 0) {
    out.push("__old hunk__");
    for (const line of removed) {
      out.push(`${line.oldLine} -${line.content}`);
      if (line.noNewlineAtEnd) out.push(NO_NEWLINE);
    }
  }
  return out.join("\n");
}

const NO_NEWLINE = "\\ No newline at end of file";

/** Which lines to show: every change, and context within `CONTEXT_LINES` of one. */
function keptLines(lines: readonly DiffLine[]): boolean[] {
  const changed = lines.map((line) => line.kind !== "context");
  if (!changed.includes(true)) return changed.map(() => true);
  const kept = [...changed];
  let sinceChange = Number.POSITIVE_INFINITY;
  for (let i = 0; i < lines.length; i++) {
    sinceChange = changed[i] ? 0 : sinceChange + 1;
    if (sinceChange <= CONTEXT_LINES) kept[i] = true;
  }
  let untilChange = Number.POSITIVE_INFINITY;
  for (let i = lines.length - 1; i >= 0; i--) {
    untilChange = changed[i] ? 0 : untilChange + 1;
    if (untilChange <= CONTEXT_LINES) kept[i] = true;
  }
  return kept;
}
