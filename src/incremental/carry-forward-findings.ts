import type { DiffFile, Hunk } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import { llmFinding } from "../findings/llm-finding.ts";
import { lineContent, normalizeLine } from "../review/line-content.ts";
import type { CarriedFinding } from "./ai-review-state.ts";
import { codeHash } from "./code-hash.ts";
/**
 * Re-anchors the earlier AI findings to the new diff. A RIGHT-side line is followed through the
 * compare diff of the two heads (lines above it may have moved it); a LEFT-side (base) line is
 * found again by its text. A finding is kept only if its line is unchanged and still shows the
 * same code in the PR diff; otherwise it is dropped, which the summary counts as fixed (the
 * re-reviewed hunk gets a fresh look from the model).
 */
export function carryForwardFindings(
  carried: readonly CarriedFinding[],
  prFiles: readonly DiffFile[],
  compareFiles: readonly DiffFile[],
): Finding[] {
  const byPath = new Map(prFiles.map((file) => [file.path, file]));
  const moved = new Map(compareFiles.map((file) => [file.oldPath, file]));
  const kept: Finding[] = [];
  for (const finding of carried) {
    if (finding.path === null) {
      kept.push(toFinding(finding, null, finding.line, finding.startLine));
      continue;
    }
    const change = moved.get(finding.path);
    const path = change?.path ?? finding.path;
    const file = byPath.get(path);
    if (!file) continue;
    const where = relocate(finding, file, change);
    if (where) kept.push(toFinding(finding, path, where.line, where.startLine));
  }
  return kept;
}

function relocate(
  finding: CarriedFinding,
  file: DiffFile,
  change: DiffFile | undefined,
): { line: number | null; startLine: number | null } | null {
  const unchangedFile = change === undefined || (change.hunks.length === 0 && !change.patchMissing);
  if (unchangedFile && (finding.line === null || finding.code === "")) {
    return { line: finding.line, startLine: finding.startLine };
  }
  if (finding.line === null) return null;
  if (finding.code === "") {
    // A line outside the diff has no text to check: it is followed by number, if no change touched it.
    if (finding.side === "LEFT" || !change || change.patchMissing) return null;
    const line = followLine(change.hunks, finding.line);
    return line === null ? null : { line, startLine: null };
  }
  if (finding.side === "LEFT") {
    const line = findByText(file, finding.code, finding.line);
    return line === null ? null : { line, startLine: null };
  }
  if (change && (change.binary || change.patchMissing)) return null;
  const line = change ? followLine(change.hunks, finding.line) : finding.line;
  if (line === null || codeHash(lineContent(file, line, "RIGHT")) !== finding.code) return null;
  const startLine =
    finding.startLine === null
      ? null
      : change
        ? followLine(change.hunks, finding.startLine)
        : finding.startLine;
  return { line, startLine: startLine !== null && startLine < line ? startLine : null };
}

/** Where old-head line `line` is at the new head, or `null` when a change deleted or rewrote it. */
function followLine(hunks: readonly Hunk[], line: number): number | null {
  let offset = 0;
  for (const hunk of hunks) {
    const oldEnd = hunk.oldStart + hunk.oldLines;
    if (line < hunk.oldStart) break;
    if (line < oldEnd) {
      const same = hunk.lines.find((l) => l.kind === "context" && l.oldLine === line);
      return same?.newLine ?? null;
    }
    offset = hunk.newStart + hunk.newLines - oldEnd;
  }
  return line + offset;
}

/** The LEFT-side line with this text nearest to where it was (the merge base may have moved). */
function findByText(file: DiffFile, code: string, near: number): number | null {
  let best: number | null = null;
  for (const hunk of file.hunks) {
    for (const hunkLine of hunk.lines) {
      if (hunkLine.oldLine === null || hunkLine.kind === "add") continue;
      if (codeHash(normalizeLine(hunkLine.content)) !== code) continue;
      if (best === null || Math.abs(hunkLine.oldLine - near) < Math.abs(best - near)) best = hunkLine.oldLine;
    }
  }
  return best;
}

function toFinding(
  carried: CarriedFinding,
  path: string | null,
  line: number | null,
  startLine: number | null,
): Finding {
  const { code: _lineHash, ...said } = carried;
  return llmFinding({ ...said, path, line, startLine });
}
