import type { StructuredPatchHunk } from "diff";
import type { DiffLine, Hunk } from "./diff-model.ts";

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@ ?(.*)$/;

/**
 * The text after each hunk header's closing `@@`, in order. jsdiff drops it, but it is git's
 * cheap guess at the enclosing function, which the model uses for context.
 */
export function hunkSections(patchText: string): string[] {
  const sections: string[] = [];
  for (const raw of patchText.split("\n")) {
    if (!raw.startsWith("@@")) continue;
    const match = HUNK_HEADER.exec(raw.replace(/\r$/, ""));
    if (match) sections.push(match[1] ?? "");
  }
  return sections;
}

/** Converts jsdiff hunks into our model, numbering every line on both sides. */
export function buildHunks(hunks: readonly StructuredPatchHunk[], sections: readonly string[]): Hunk[] {
  return hunks.map((hunk, index) => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const raw of hunk.lines) {
      const marker = raw[0];
      // CRLF files keep their `\r` in jsdiff's lines; it is not part of the code.
      const content = raw.endsWith("\r") ? raw.slice(1, -1) : raw.slice(1);
      if (marker === "+") lines.push({ kind: "add", content, oldLine: null, newLine: newLine++ });
      else if (marker === "-") lines.push({ kind: "del", content, oldLine: oldLine++, newLine: null });
      else if (marker === " ")
        lines.push({ kind: "context", content, oldLine: oldLine++, newLine: newLine++ });
      // `\ No newline at end of file` describes the previous line and is not a line itself.
    }
    return {
      oldStart: hunk.oldStart,
      oldLines: hunk.oldLines,
      newStart: hunk.newStart,
      newLines: hunk.newLines,
      section: sections[index] ?? "",
      lines,
    };
  });
}

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
