import { readFingerprint } from "../render/markers.ts";
import { type AppIdentity, isAppAuthored } from "./app-identity.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/**
 * Fingerprints of the inline comments earlier triages posted on this PR. Only the app's own
 * comments count: a fingerprint is predictable, and one pasted by anyone else would hide a finding.
 */
export async function listPostedFingerprints(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  identity: AppIdentity,
): Promise<Set<string>> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const posted = new Set<string>();
  for (const comment of comments) {
    if (!isAppAuthored(comment, identity)) continue;
    const fp = readFingerprint(comment.body);
    if (fp) posted.add(fp);
  }
  return posted;
}
