import { readFingerprint } from "../render/markers.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** Fingerprints of the inline comments earlier triages posted on this PR. */
export async function listPostedFingerprints(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
): Promise<Set<string>> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const posted = new Set<string>();
  for (const comment of comments) {
    const fp = readFingerprint(comment.body);
    if (fp) posted.add(fp);
  }
  return posted;
}
