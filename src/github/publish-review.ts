import { httpStatus } from "../errors/http-status.ts";
import type { Finding } from "../findings/finding.ts";
import { reviewMarker } from "../render/markers.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export interface ReviewComment {
  finding: Finding;
  path: string;
  line: number;
  side: "LEFT" | "RIGHT";
  startLine: number | null;
  body: string;
}

export type ReviewOutcome =
  | { status: "posted"; reviewId: number; posted: ReviewComment[]; rejected: ReviewComment[] }
  | { status: "already-posted"; reviewId: number }
  | { status: "skipped" };

/**
 * Posts one `COMMENT` review per head SHA (never APPROVE or REQUEST_CHANGES). A review with our
 * marker for this SHA means a previous attempt landed (a 502 can hide a success), so nothing is
 * posted twice. If GitHub rejects the comments (422), it retries once without them and returns
 * them as `rejected`, for the summary: a finding is never lost, and we never loop.
 */
export async function publishReview(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  headSha: string,
  body: string,
  comments: readonly ReviewComment[],
  existing: readonly { id: number; body?: string | null }[],
): Promise<ReviewOutcome> {
  const marker = reviewMarker(headSha);
  const mine = existing.find((review) => review.body?.includes(marker));
  if (mine) return { status: "already-posted", reviewId: mine.id };
  if (comments.length === 0) return { status: "skipped" };

  const fullBody = `${marker}\n${body}`;
  const post = (text: string, inline: readonly ReviewComment[]) =>
    createReview(octokit, { ...repo, pullNumber, headSha }, text, inline);
  try {
    const { data } = await post(fullBody, comments);
    return { status: "posted", reviewId: data.id, posted: [...comments], rejected: [] };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const { data } = await post(
      `${fullBody}\n\nGitHub refused the inline comments for this review; they are listed in the summary comment.`,
      [],
    );
    return { status: "posted", reviewId: data.id, posted: [], rejected: [...comments] };
  }
}

function createReview(
  octokit: Octokit,
  { owner, repo, pullNumber, headSha }: RepoRef & { pullNumber: number; headSha: string },
  body: string,
  comments: readonly ReviewComment[],
) {
  return octokit.rest.pulls.createReview({
    owner,
    repo,
    pull_number: pullNumber,
    commit_id: headSha,
    event: "COMMENT",
    body,
    comments: comments.map((c) => ({
      path: c.path,
      line: c.line,
      side: c.side,
      body: c.body,
      ...(c.startLine !== null ? { start_line: c.startLine, start_side: c.side } : {}),
    })),
  });
}
