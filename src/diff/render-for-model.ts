import type { DiffFile, Hunk } from "./diff-model.ts";

/**
 * Renders one file's hunks for the model, in the style PR-Agent proved: new lines carry their
 * absolute new-file number (the number the model must cite), removed lines are shown apart with
 * no number, so the model cannot confuse the two sides.
 */
export function renderFileForModel(file: DiffFile): string {
  const header =
    file.status === "renamed"
      ? `## File: ${file.path} (renamed from ${file.oldPath})`
      : `## File: ${file.path} (${file.status})`;
  if (file.hunks.length === 0) return `${header}\n(no textual changes)\n`;
  return `${header}\n${file.hunks.map(renderHunk).join("\n")}\n`;
}

function renderHunk(hunk: Hunk): string {
  const out: string[] = [`@@ ${hunk.section}`.trimEnd(), "__new hunk__"];
  for (const line of hunk.lines) {
    if (line.kind === "del") continue;
    out.push(`${line.newLine} ${line.kind === "add" ? "+" : " "}${line.content}`);
  }
  const removed = hunk.lines.filter((line) => line.kind === "del");
  if (removed.length > 0) {
    out.push("__old hunk__");
    for (const line of removed) out.push(`-${line.content}`);
  }
  return out.join("\n");
}
