import type { DiffFile, Hunk } from "../diff/diff-model.ts";
import type { Side } from "../findings/finding.ts";

/** Where a finding may be posted inline, once checked against the diff. */
export interface Anchor {
  path: string;
  line: number;
  side: Side;
  startLine: number | null;
  /** True when the requested line was outside the diff and was snapped to a nearby changed line. */
  moved: boolean;
}

export type AnchorResult = { ok: true; anchor: Anchor } | { ok: false; reason: string };

export interface AnchorRequest {
  path: string | null;
  line: number | null;
  startLine: number | null;
  side: Side;
}

/** How far (in lines) a finding may be moved to reach a changed line of the same hunk. */
const MAX_SNAP_DISTANCE = 3;

function lineOn(hunkLine: Hunk["lines"][number], side: Side): number | null {
  if (side === "RIGHT") return hunkLine.kind === "del" ? null : hunkLine.newLine;
  return hunkLine.kind === "add" ? null : hunkLine.oldLine;
}

function linesOnSide(hunk: Hunk, side: Side): number[] {
  const lines: number[] = [];
  for (const hunkLine of hunk.lines) {
    const n = lineOn(hunkLine, side);
    if (n !== null) lines.push(n);
  }
  return lines;
}

function changedLinesOnSide(hunk: Hunk, side: Side): number[] {
  const kind = side === "RIGHT" ? "add" : "del";
  const lines: number[] = [];
  for (const hunkLine of hunk.lines) {
    if (hunkLine.kind !== kind) continue;
    const n = lineOn(hunkLine, side);
    if (n !== null) lines.push(n);
  }
  return lines;
}

/**
 * Checks that a finding can be posted as a review comment: GitHub rejects a whole review (422)
 * if any comment's line is outside a hunk, so every line must sit inside one hunk, on its side.
 * A near miss is snapped to the closest changed line of the same hunk; anything else is refused
 * with a reason, and the caller moves it to the summary.
 */
export function anchorFinding(request: AnchorRequest, files: ReadonlyMap<string, DiffFile>): AnchorResult {
  if (request.path === null) return { ok: false, reason: "not about a single file" };
  const file = files.get(request.path);
  if (!file) return { ok: false, reason: "file is not part of this pull request" };
  if (file.hunks.length === 0) return { ok: false, reason: "file has no reviewable patch" };
  if (request.line === null) return { ok: false, reason: "no line given" };
  const { line, side } = request;

  for (const hunk of file.hunks) {
    const lines = linesOnSide(hunk, side);
    if (!lines.includes(line)) continue;
    const startLine =
      request.startLine !== null && request.startLine < line && lines.includes(request.startLine)
        ? request.startLine
        : null;
    return { ok: true, anchor: { path: file.path, line, side, startLine, moved: false } };
  }

  let best: { line: number; distance: number } | null = null;
  for (const hunk of file.hunks) {
    for (const candidate of changedLinesOnSide(hunk, side)) {
      const distance = Math.abs(candidate - line);
      if (distance <= MAX_SNAP_DISTANCE && (best === null || distance < best.distance)) {
        best = { line: candidate, distance };
      }
    }
  }
  if (best)
    return { ok: true, anchor: { path: file.path, line: best.line, side, startLine: null, moved: true } };
  return { ok: false, reason: `line ${line} (${side}) is outside the diff` };
}
