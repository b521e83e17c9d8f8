import type { CommentFeedback } from "../analytics/triage-record.ts";
import { readFingerprint } from "../render/markers.ts";
import { type AppIdentity, isAppAuthored } from "./app-identity.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** Pages of review comments read per triage: feedback is a sample, and must not eat the rate limit. */
const MAX_PAGES = 3;

/**
 * 👍/👎 and "addressed" for the app's inline comments on a PR. Reactions have no webhook, so they
 * are polled here, once per triage, from the reaction counts GitHub includes in the listing.
 * GitHub marks a comment outdated (`line: null`) once a later push changed its lines: addressed.
 */
export async function listCommentFeedback(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  now: number,
  identity: AppIdentity,
): Promise<CommentFeedback[]> {
  const feedback: CommentFeedback[] = [];
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  })) {
    for (const comment of data) {
      // A fingerprint is predictable: only the app's own comments count, as for posted fingerprints.
      const fingerprint = isAppAuthored(comment, identity) ? readFingerprint(comment.body) : null;
      if (!fingerprint) continue;
      feedback.push({
        commentId: comment.id,
        repo: `${repo.owner}/${repo.repo}`,
        pullNumber,
        fingerprint,
        thumbsUp: comment.reactions?.["+1"] ?? 0,
        thumbsDown: comment.reactions?.["-1"] ?? 0,
        addressed: comment.line === null || comment.line === undefined,
        at: now,
      });
    }
    pages += 1;
    if (pages >= MAX_PAGES) break;
  }
  return feedback;
}
