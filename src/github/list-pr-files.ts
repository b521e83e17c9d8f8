import type { DiffFile } from "../diff/diff-model.ts";
import { parseFilePatch } from "../diff/parse-file-patch.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** GitHub's hard cap on `pulls.listFiles`: past it, files are not listed at all. */
const LIST_FILES_CAP = 3_000;

export interface CollectedFiles {
  files: DiffFile[];
  /** True when the PR has more files than GitHub will list, so coverage must say so. */
  truncated: boolean;
}

/** Collects every changed file (100 per page, up to GitHub's 3,000 cap) and parses its patch. */
export async function listPrFiles(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  changedFiles: number,
): Promise<CollectedFiles> {
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return {
    files: listed.map(parseFilePatch),
    truncated: changedFiles > listed.length || listed.length >= LIST_FILES_CAP,
  };
}
