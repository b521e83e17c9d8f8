import { createTwoFilesPatch } from "diff";
import { describe, expect, it } from "vitest";
import { type AnchorRequest, anchorFinding, MAX_SNAP_DISTANCE } from "../../src/anchor/anchor-finding.ts";
import type { DiffFile, Hunk } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { seededRandom } from "../helpers/seeded-random.ts";

/**
 * Property tests on random but real diffs: random old and new files, diffed by jsdiff with a
 * random amount of context, wrapped in git headers and parsed back. A seeded generator keeps
 * every run identical, so a failure names its seed and can be replayed.
 */

interface Case {
  seed: number;
  diff: string;
  /** Per path: old and new file lines, without line endings. */
  contents: Map<string, { old: string[]; new: string[] }>;
}

function randomCase(seed: number): Case {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  // A small vocabulary makes equal lines common, so jsdiff finds context and several hunks.
  const word = () => ["a", "b", "c", "return x;", "}", "", "  if (y) {", "call();"][int(8)] ?? "a";
  const contents = new Map<string, { old: string[]; new: string[] }>();
  let diff = "";
  for (let f = 0, files = 1 + int(3); f < files; f++) {
    const path = `dir ${f}/file-${seed}-${f}.txt`;
    const old = Array.from({ length: int(60) }, word);
    const next = [...old];
    for (let edits = int(8); edits > 0; edits--) {
      const at = int(next.length + 1);
      const op = int(3);
      if (op === 0) next.splice(at, 1 + int(3));
      else if (op === 1) next.splice(at, 0, ...Array.from({ length: 1 + int(4) }, word));
      else next.splice(at, 1, word());
    }
    const eol = int(4) === 0 ? "\r\n" : "\n";
    const finalNewline = int(3) !== 0;
    const text = (lines: string[]) => lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");
    const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, text(old), text(next), undefined, undefined, {
      context: int(5),
    });
    diff += `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n${patch.slice(patch.indexOf("--- "))}`;
    contents.set(path, { old, new: next });
  }
  return { seed, diff, contents };
}

/** Independent oracle: the line numbers of one hunk on one side, listed from its lines. */
function sideLines(hunk: Hunk, side: AnchorRequest["side"]): Set<number> {
  const lines = new Set<number>();
  for (const line of hunk.lines) {
    const n = side === "RIGHT" ? line.newLine : line.oldLine;
    if (n !== null) lines.add(n);
  }
  return lines;
}

function changedLines(file: DiffFile, side: AnchorRequest["side"]): Set<number> {
  const lines = new Set<number>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (side === "RIGHT" && line.kind === "add" && line.newLine !== null) lines.add(line.newLine);
      if (side === "LEFT" && line.kind === "del" && line.oldLine !== null) lines.add(line.oldLine);
    }
  }
  return lines;
}

/** What is wrong with one anchoring result, judged by the oracle; `null` when it is right. */
function checkAnchor(
  file: DiffFile,
  request: { line: number; side: AnchorRequest["side"] },
  result: ReturnType<typeof anchorFinding>,
  outcomes: { accepted: number; moved: number; refused: number },
): string | null {
  const { line, side } = request;
  const inHunk = file.hunks.some((h) => sideLines(h, side).has(line));
  if (!result.ok) {
    outcomes.refused++;
    if (inHunk) return "refused a line that is inside a hunk";
    return result.reason === "" ? "refused without a reason" : null;
  }
  const { anchor } = result;
  const hunk = file.hunks.find((h) => sideLines(h, side).has(anchor.line));
  if (!hunk) return "anchored outside every hunk";
  if (anchor.path !== file.path || anchor.side !== side) return "anchored on another file or side";
  if (anchor.startLine !== null) {
    if (!sideLines(hunk, side).has(anchor.startLine)) return "range starts outside the line's hunk";
    if (anchor.startLine >= anchor.line) return "range does not start before its line";
  }
  if (anchor.moved) {
    outcomes.moved++;
    if (inHunk) return "moved a line that was inside a hunk";
    if (!changedLines(file, side).has(anchor.line)) return "snapped to an unchanged line";
    if (Math.abs(anchor.line - line) > MAX_SNAP_DISTANCE) return "snapped too far";
    return null;
  }
  outcomes.accepted++;
  return anchor.line === line ? null : "changed the line without marking it moved";
}

const CASES = Array.from({ length: 400 }, (_, i) => randomCase(1_000 + i));

describe("parseUnifiedDiff on random real diffs", () => {
  it("gives every line the number it has in the old or new file", () => {
    for (const { seed, diff, contents } of CASES) {
      for (const file of parseUnifiedDiff(diff)) {
        const truth = contents.get(file.path);
        expect(truth, `seed ${seed}: unexpected path ${file.path}`).toBeDefined();
        if (!truth) continue;
        for (const line of file.hunks.flatMap((h) => h.lines)) {
          if (line.newLine !== null)
            expect(truth.new[line.newLine - 1], `seed ${seed} ${file.path}`).toBe(line.content);
          if (line.oldLine !== null)
            expect(truth.old[line.oldLine - 1], `seed ${seed} ${file.path}`).toBe(line.content);
        }
      }
    }
  });
});

describe("anchorFinding on random real diffs", () => {
  it("never yields a comment outside one hunk, and accepts every line that is inside one", () => {
    const outcomes = { accepted: 0, moved: 0, refused: 0 };
    // Checked with plain conditions and reported together: an expect() per probe is too slow.
    const violations: string[] = [];
    for (const { seed, diff } of CASES) {
      const random = seededRandom(seed * 7 + 1);
      const files = parseUnifiedDiff(diff);
      const byPath = new Map(files.map((f) => [f.path, f]));
      for (const file of files) {
        const lastLine = Math.max(file.additions, file.deletions) + 80;
        for (let probe = 0; probe < 60; probe++) {
          const side: AnchorRequest["side"] = random() < 0.7 ? "RIGHT" : "LEFT";
          const line = Math.floor(random() * (lastLine + 3)) - 2;
          const startLine = random() < 0.4 ? Math.floor(random() * (lastLine + 3)) - 2 : null;
          const request = { path: file.path, line, side, startLine };
          const result = anchorFinding(request, byPath);
          const problem = checkAnchor(file, request, result, outcomes);
          if (problem)
            violations.push(
              `seed ${seed}, ${JSON.stringify(request)} → ${JSON.stringify(result)}: ${problem}`,
            );
        }
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
    // The generator must exercise all three outcomes, or the property proves little.
    expect(outcomes.accepted).toBeGreaterThan(1_000);
    expect(outcomes.moved).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(1_000);
  });

  it("accepts every added line at (path, line, RIGHT) and every deleted line at (path, line, LEFT)", () => {
    for (const { seed, diff } of CASES) {
      const files = parseUnifiedDiff(diff);
      const byPath = new Map(files.map((f) => [f.path, f]));
      for (const file of files) {
        for (const side of ["RIGHT", "LEFT"] as const) {
          for (const line of changedLines(file, side)) {
            const result = anchorFinding({ path: file.path, line, side, startLine: null }, byPath);
            expect(result, `seed ${seed} ${file.path}:${line} ${side}`).toMatchObject({
              ok: true,
              anchor: { line, moved: false },
            });
          }
        }
      }
    }
  });
});
