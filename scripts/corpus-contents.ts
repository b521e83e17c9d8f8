/**
 * Rebuilds `AnalyzerInput.contents` for a corpus PR, as the app would read it: an added file's
 * head is the diff itself; a modified file's base comes from a local git mirror of the upstream
 * repository (`EVAL_GIT_MIRRORS`, folders named `owner+name/repo` holding bare clones) and its
 * head is that base with the PR's hunks applied, checked line by line. Without a mirror only
 * added files can be rebuilt; the rest are counted as not reconstructed.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FileContents } from "../src/analyzers/analyzer.ts";
import { isDependencyFile } from "../src/analyzers/dependencies/is-dependency-file.ts";
import type { DiffFile, Hunk } from "../src/diff/diff-model.ts";

export interface CorpusPr {
  file: string;
  repo: string;
  base: string;
  head: string;
}

export interface RebuiltContents {
  contents: FileContents[];
  /** Changed dependency files whose texts could not be rebuilt, and why. */
  missing: { path: string; reason: string }[];
}

const MIRRORS = process.env.EVAL_GIT_MIRRORS;

export function corpusContents(pr: CorpusPr, files: readonly DiffFile[]): RebuiltContents {
  const result: RebuiltContents = { contents: [], missing: [] };
  for (const file of files) {
    if (file.status === "removed" || !isDependencyFile(file.path)) continue;
    if (file.status === "added") {
      result.contents.push({ path: file.path, base: null, head: applyHunks("", file.hunks) ?? "" });
      continue;
    }
    const base = showAtBase(pr, file.oldPath);
    if (base === null) {
      result.missing.push({
        path: file.path,
        reason: MIRRORS ? "base not in the mirror" : "no EVAL_GIT_MIRRORS",
      });
      continue;
    }
    const head = applyHunks(base, file.hunks);
    if (head === null) result.missing.push({ path: file.path, reason: "hunks do not apply to the base" });
    else result.contents.push({ path: file.path, base, head });
  }
  return result;
}

function showAtBase(pr: CorpusPr, path: string): string | null {
  if (!MIRRORS) return null;
  const dir = join(MIRRORS, pr.repo.replace("/", "+"), "repo");
  if (!existsSync(dir)) return null;
  try {
    return execFileSync("git", ["--git-dir", dir, "show", `${pr.base}:${path}`], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
}

/** `base` with the hunks applied, or `null` when a context or deleted line does not match. */
function applyHunks(base: string, hunks: readonly Hunk[]): string | null {
  const eol = base.includes("\r\n") ? "\r\n" : "\n";
  const old = base === "" ? [] : base.replace(/\r?\n$/, "").split(/\r?\n/);
  const out: string[] = [];
  let next = 0;
  let lastHasNewline = base === "" || /\n$/.test(base);
  for (const hunk of hunks) {
    const start = Math.max(0, hunk.oldStart - (hunk.oldLines === 0 ? 0 : 1));
    out.push(...old.slice(next, start));
    next = start;
    for (const line of hunk.lines) {
      if (line.kind !== "add") {
        if (old[next] !== line.content) return null;
        next++;
      }
      if (line.kind !== "del") {
        out.push(line.content);
        lastHasNewline = !line.noNewlineAtEnd;
      }
    }
  }
  if (next < old.length) {
    out.push(...old.slice(next));
    lastHasNewline = /\n$/.test(base);
  }
  return out.join(eol) + (out.length > 0 && lastHasNewline ? eol : "");
}
