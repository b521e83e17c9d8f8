import type { DiffFile } from "../diff/diff-model.ts";
import { parseFilePatch } from "../diff/parse-file-patch.ts";
import { parseUnifiedDiff } from "../diff/parse-unified-diff.ts";
import { errorMessage } from "../errors/error-message.ts";
import { fetchPrDiff } from "./fetch-pr-diff.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** GitHub's hard cap on `pulls.listFiles`: past it, files are not listed at all. */
const LIST_FILES_CAP = 3_000;
/** GitHub answers 406 `too_large` to the diff media type past these. */
const FULL_DIFF_MAX_FILES = 300;
const FULL_DIFF_MAX_LINES = 20_000;

export interface CollectedFiles {
  files: DiffFile[];
  /** How many changed files GitHub did not list at all (past its 3,000-file cap). */
  unlisted: number;
}

/**
 * Collects every changed file (100 per page, up to GitHub's 3,000 cap) and parses its patch.
 * listFiles leaves out the patch of a large text file; when the PR is small enough for the diff
 * media type, those patches are taken from the full diff instead. Whatever stays missing keeps
 * `patchMissing` and a reason saying why, for the summary's coverage.
 */
export async function listPrFiles(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  changedFiles: number,
): Promise<CollectedFiles> {
  let count = 0;
  const listed = await octokit.paginate(
    octokit.rest.pulls.listFiles,
    { ...repo, pull_number: pullNumber, per_page: 100 },
    (response, done) => {
      // GitHub stops at 3,000 files itself; stopping here too guards against a server that does not.
      count += response.data.length;
      if (count >= LIST_FILES_CAP) done();
      return response.data;
    },
  );
  const files = listed.slice(0, LIST_FILES_CAP).map(parseFilePatch);
  const unlisted = Math.max(0, changedFiles - files.length);
  return {
    files: await withFullDiffPatches(octokit, repo, pullNumber, files),
    unlisted,
  };
}

/** Fills in the patches listFiles omitted, from the diff media type, when GitHub will serve it. */
async function withFullDiffPatches(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  files: DiffFile[],
): Promise<DiffFile[]> {
  // A file with counted lines but no patch is text GitHub would not show; binaries count none.
  const missing = new Set(files.filter((f) => f.patchMissing && f.additions + f.deletions > 0));
  if (missing.size === 0) return files;
  const lines = files.reduce((sum, f) => sum + f.additions + f.deletions, 0);
  if (files.length > FULL_DIFF_MAX_FILES || lines > FULL_DIFF_MAX_LINES) {
    return explainMissing(
      files,
      missing,
      "the whole PR is over GitHub's diff limit (300 files or 20,000 lines)",
    );
  }
  let full: DiffFile[];
  try {
    const diff = await fetchPrDiff(octokit, repo, pullNumber);
    if (diff.status === "too-large")
      return explainMissing(files, missing, `GitHub refused the full diff: ${diff.message}`);
    full = parseUnifiedDiff(diff.text);
  } catch (error) {
    // The full diff only adds detail; without it the files are still listed, with the reason.
    const problem = errorMessage(error);
    return explainMissing(files, missing, `the full diff could not be read (${problem})`);
  }
  const byPath = new Map(full.map((f) => [f.path, f]));
  return files.map((file) => {
    if (!missing.has(file)) return file;
    const fromDiff = byPath.get(file.path);
    if (!fromDiff || fromDiff.patchMissing) return withReason(file, "it is not in the full diff either");
    // listFiles stays the source of truth for names and status; the full diff brings the lines.
    return { ...fromDiff, path: file.path, oldPath: file.oldPath, status: file.status };
  });
}

function explainMissing(files: DiffFile[], missing: ReadonlySet<DiffFile>, why: string): DiffFile[] {
  return files.map((file) => (missing.has(file) ? withReason(file, why) : file));
}

function withReason(file: DiffFile, why: string): DiffFile {
  return { ...file, patchMissingReason: `${file.patchMissingReason ?? "GitHub sent no patch"}; ${why}` };
}
