import { parseFilePatch } from "../diff/parse-file-patch.ts";
import type { HeadComparison } from "../incremental/plan-review-scope.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** GitHub lists at most this many files in a comparison; at the cap, the list may be incomplete. */
const COMPARE_FILES_CAP = 300;

/**
 * Compares the last triaged head with the new one (`since...head`, one request). A head GitHub
 * no longer knows, or any other error, returns `null`: the caller then reviews everything,
 * which costs tokens but never misses a change.
 */
export async function compareHeads(
  octokit: Octokit,
  repo: RepoRef,
  since: string,
  head: string,
): Promise<HeadComparison | null> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${since}...${head}`,
      // Only the file list matters here; it comes in full on the first page whatever the page size.
      per_page: 1,
    });
    const listed = data.files ?? [];
    return {
      status: data.status,
      files: listed.length >= COMPARE_FILES_CAP ? null : listed.map(parseFilePatch),
    };
  } catch {
    return null;
  }
}
