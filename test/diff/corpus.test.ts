import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { anchorFinding } from "../../src/anchor/anchor-finding.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

/**
 * The real-data check: every pull request diff in ../shared/corpus/prs (git diff -M of real
 * PRs) against the manifest's truth from `git diff --numstat`.
 */
const CORPUS_PRS = resolve(import.meta.dirname, "../../../shared/corpus/prs");
const present = existsSync(join(CORPUS_PRS, "manifest.json"));
const SKIP_MESSAGE = `real PR corpus tests SKIPPED: ${CORPUS_PRS}/manifest.json not found (see DESIGN.md §8)`;
if (!present) console.warn(SKIP_MESSAGE);

interface ManifestFile {
  path: string;
  oldPath: string | null;
  /** `null` for binary files, which numstat counts as `-`. */
  additions: number | null;
  deletions: number | null;
  binary: boolean;
}

interface Manifest {
  prs: { file: string; files: ManifestFile[] }[];
}

function load(): { manifest: Manifest; parsed: Map<string, DiffFile[]>; crlfDiffs: number } {
  const manifest = JSON.parse(readFileSync(join(CORPUS_PRS, "manifest.json"), "utf8")) as Manifest;
  const parsed = new Map<string, DiffFile[]>();
  let crlfDiffs = 0;
  for (const pr of manifest.prs) {
    const text = readFileSync(join(CORPUS_PRS, pr.file), "utf8");
    if (text.includes("\r\n")) crlfDiffs++;
    parsed.set(pr.file, parseUnifiedDiff(text));
  }
  return { manifest, parsed, crlfDiffs };
}

describe.skipIf(!present)(present ? "real PR corpus" : SKIP_MESSAGE, () => {
  // Parsed once for all the checks below; parseUnifiedDiff throwing fails the suite here.
  const { manifest, parsed, crlfDiffs } = present
    ? load()
    : { manifest: { prs: [] }, parsed: new Map<string, DiffFile[]>(), crlfDiffs: 0 };

  it("parses all 236 diffs, one model file per manifest file, none left unparsed", () => {
    expect(manifest.prs).toHaveLength(236);
    const problems: string[] = [];
    for (const pr of manifest.prs) {
      const files = parsed.get(pr.file) ?? [];
      if (files.length !== pr.files.length)
        problems.push(`${pr.file}: ${files.length} files, manifest ${pr.files.length}`);
      for (const file of files) {
        if (file.patchMissing) problems.push(`${pr.file} ${file.path}: ${file.patchMissingReason}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("matches git's numstat for every file: additions, deletions, renames and binaries", () => {
    const mismatches: string[] = [];
    let renames = 0;
    let binaries = 0;
    for (const pr of manifest.prs) {
      const files = parsed.get(pr.file) ?? [];
      for (const [index, truth] of pr.files.entries()) {
        // Same order as git writes them; matching by index also covers one path renamed twice.
        const file = files[index];
        const got = file && {
          path: file.path,
          oldPath: file.status === "renamed" || file.status === "copied" ? file.oldPath : null,
          additions: file.binary ? null : file.additions,
          deletions: file.binary ? null : file.deletions,
          binary: file.binary,
        };
        if (JSON.stringify(got) !== JSON.stringify(truth)) {
          mismatches.push(`${pr.file}: expected ${JSON.stringify(truth)}, got ${JSON.stringify(got)}`);
        }
        if (truth.oldPath !== null) renames++;
        if (truth.binary) binaries++;
      }
    }
    expect(mismatches).toEqual([]);
    // The corpus README promises these edge cases; if they vanished, the test would prove less.
    expect(renames).toBeGreaterThanOrEqual(14);
    expect(binaries).toBeGreaterThanOrEqual(6);
  });

  it("accepts every added line at (path, line, RIGHT), unmoved", () => {
    const refused: string[] = [];
    let checked = 0;
    for (const [name, files] of parsed) {
      const byPath = new Map(files.map((f) => [f.path, f]));
      for (const file of files) {
        for (const hunk of file.hunks) {
          for (const line of hunk.lines) {
            if (line.kind !== "add" || line.newLine === null) continue;
            checked++;
            const result = anchorFinding(
              { path: file.path, line: line.newLine, side: "RIGHT", startLine: null },
              byPath,
            );
            if (!result.ok || result.anchor.moved || result.anchor.line !== line.newLine) {
              refused.push(`${name} ${file.path}:${line.newLine} → ${JSON.stringify(result)}`);
            }
          }
        }
      }
    }
    expect(refused.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  it("handles the corpus's CRLF and no-newline-at-end files without leaking `\\r` into content", () => {
    let crlfLines = 0;
    let noNewline = 0;
    for (const [, files] of parsed) {
      for (const file of files) {
        for (const hunk of file.hunks) {
          for (const line of hunk.lines) {
            if (line.content.endsWith("\r")) crlfLines++;
            if (line.noNewlineAtEnd) noNewline++;
          }
        }
      }
    }
    expect(crlfDiffs).toBeGreaterThanOrEqual(12);
    expect(crlfLines).toBe(0);
    expect(noNewline).toBeGreaterThanOrEqual(52);
  });
});
