import type { DiffFile, DiffLine, Hunk } from "../diff/diff-model.ts";
import type { Side } from "../findings/finding.ts";

/** Where a finding may be posted inline, once checked against the diff. */
export interface Anchor {
  /** The file's path in the new tree, as GitHub's review API wants it (also for LEFT comments). */
  path: string;
  line: number;
  side: Side;
  /** First line of a multi-line comment: in the same hunk as `line`, before it; otherwise `null`. */
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

/**
 * How far (in lines) a finding may be moved to reach a changed line. Git and GitHub show three
 * lines of context, so the first line past a hunk is at least four lines from a change: three
 * would snap almost nothing, while much more would put the comment on unrelated code.
 */
export const MAX_SNAP_DISTANCE = 5;

/**
 * Checks that a finding can be posted as a review comment. GitHub rejects a whole review (422)
 * if any comment's line is outside a hunk, so every line of the comment must sit inside one hunk
 * of the file, on the requested side (RIGHT: added and context lines by new number; LEFT:
 * deleted and context lines by old number).
 * - A line inside a hunk is kept. A `startLine` in the same hunk makes it a range; one before
 *   the hunk is clamped to the hunk's first line; one at or after `line` is dropped.
 * - A line outside every hunk is snapped to the nearest changed line on that side within
 *   `MAX_SNAP_DISTANCE` (ties go to the earlier line), as a single-line comment marked `moved`.
 * - Anything else is refused with a reason, and the caller puts the finding in the summary.
 */
export function anchorFinding(request: AnchorRequest, files: ReadonlyMap<string, DiffFile>): AnchorResult {
  if (request.path === null) return refuse("not about a single file");
  const file = findFile(request.path, files);
  if (!file) return refuse(`${request.path} is not one of this pull request's changed files`);
  if (file.hunks.length === 0) return refuse(whyNoLines(file));
  const { line, side } = request;
  if (line === null) return refuse("no line given");
  if (!Number.isInteger(line) || line < 1) return refuse(`line ${line} is not a line number`);

  for (const hunk of file.hunks) {
    const range = rangeOn(hunk, side);
    if (range === null || line < range.first || line > range.last) continue;
    const startLine = clampStart(request.startLine, line, range.first);
    return { ok: true, anchor: { path: file.path, line, side, startLine, moved: false } };
  }

  const snapped = nearestChange(file.hunks, side, line);
  if (snapped !== null) {
    return { ok: true, anchor: { path: file.path, line: snapped, side, startLine: null, moved: true } };
  }
  return refuse(`line ${line} (${side}) is outside the diff${nearestHunkHint(file.hunks, side, line)}`);
}

function refuse(reason: string): AnchorResult {
  return { ok: false, reason };
}

/** By exact path; else without a leading `./`; else by the old path of a renamed or copied file. */
function findFile(path: string, files: ReadonlyMap<string, DiffFile>): DiffFile | undefined {
  const exact = files.get(path) ?? files.get(path.replace(/^\.\//, ""));
  if (exact) return exact;
  for (const file of files.values()) {
    if (file.oldPath === path && file.oldPath !== file.path) return file;
  }
  return undefined;
}

function whyNoLines(file: DiffFile): string {
  if (file.binary) return "binary file: there is no line to comment on";
  if (file.patchMissing) return file.patchMissingReason ?? "GitHub sent no patch for this file";
  return "the file has no changed lines";
}

/** The number of a hunk line on one side, or `null` when the line does not exist on that side. */
function lineOn(hunkLine: DiffLine, side: Side): number | null {
  return side === "RIGHT" ? hunkLine.newLine : hunkLine.oldLine;
}

/**
 * First and last line of the hunk on one side. On a side, a hunk's lines are consecutive, so the
 * ends are enough; they are read from the lines, not from the header counts, so a hand-built hunk
 * cannot claim more than it shows.
 */
function rangeOn(hunk: Hunk, side: Side): { first: number; last: number } | null {
  let first: number | null = null;
  for (const hunkLine of hunk.lines) {
    first = lineOn(hunkLine, side);
    if (first !== null) break;
  }
  let last: number | null = null;
  for (let i = hunk.lines.length - 1; i >= 0 && last === null; i--) {
    const hunkLine = hunk.lines[i];
    if (hunkLine) last = lineOn(hunkLine, side);
  }
  return first === null || last === null ? null : { first, last };
}

function clampStart(startLine: number | null, line: number, hunkFirst: number): number | null {
  if (startLine === null || !Number.isInteger(startLine) || startLine >= line) return null;
  const clamped = Math.max(startLine, hunkFirst);
  return clamped < line ? clamped : null;
}

function nearestChange(hunks: readonly Hunk[], side: Side, line: number): number | null {
  const changed = side === "RIGHT" ? "add" : "del";
  let best: { line: number; distance: number } | null = null;
  for (const hunk of hunks) {
    const range = rangeOn(hunk, side);
    if (range === null || range.last < line - MAX_SNAP_DISTANCE || range.first > line + MAX_SNAP_DISTANCE) {
      continue;
    }
    for (const hunkLine of hunk.lines) {
      const candidate = lineOn(hunkLine, side);
      if (hunkLine.kind !== changed || candidate === null) continue;
      const distance = Math.abs(candidate - line);
      if (distance > MAX_SNAP_DISTANCE) continue;
      if (
        best === null ||
        distance < best.distance ||
        (distance === best.distance && candidate < best.line)
      ) {
        best = { line: candidate, distance };
      }
    }
  }
  return best?.line ?? null;
}

function nearestHunkHint(hunks: readonly Hunk[], side: Side, line: number): string {
  let nearest: { first: number; last: number; distance: number } | null = null;
  for (const hunk of hunks) {
    const range = rangeOn(hunk, side);
    if (range === null) continue;
    const distance = line < range.first ? range.first - line : line - range.last;
    if (nearest === null || distance < nearest.distance) nearest = { ...range, distance };
  }
  if (nearest === null) return `; this file has no lines on the ${side} side`;
  return `; the nearest hunk covers lines ${nearest.first}–${nearest.last}, and no change is within ${MAX_SNAP_DISTANCE} lines`;
}
