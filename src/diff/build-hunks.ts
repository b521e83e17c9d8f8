import type { StructuredPatchHunk } from "diff";
import type { DiffLine, Hunk } from "./diff-model.ts";

/**
 * Converts jsdiff hunks into our model, numbering every line on both sides. `sections` comes
 * from `hunkSections` on the same patch text, index for index.
 */
export function buildHunks(hunks: readonly StructuredPatchHunk[], sections: readonly string[]): Hunk[] {
  return hunks.map((hunk, index) => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    // Sized up front: a lockfile hunk can hold tens of thousands of lines, and growing the array
    // push by push costs a third of the conversion. Only `\` lines leave slots unused.
    const lines: DiffLine[] = new Array(hunk.lines.length);
    let count = 0;
    for (const raw of hunk.lines) {
      const marker = raw.charCodeAt(0);
      // CRLF files keep their `\r` in jsdiff's lines; it is not part of the code.
      const content = raw.endsWith("\r") ? raw.slice(1, -1) : raw.slice(1);
      if (marker === PLUS) lines[count++] = { kind: "add", content, oldLine: null, newLine: newLine++ };
      else if (marker === MINUS) lines[count++] = { kind: "del", content, oldLine: oldLine++, newLine: null };
      else if (marker === BACKSLASH) {
        // `\ No newline at end of file` describes the previous line and is not a line itself.
        const previous = lines[count - 1];
        if (previous) previous.noNewlineAtEnd = true;
      }
      // jsdiff reads an empty line inside a hunk as context whose leading space was stripped
      // (editors and mail clients do that), so anything else is context too.
      else lines[count++] = { kind: "context", content, oldLine: oldLine++, newLine: newLine++ };
    }
    lines.length = count;
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

const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
