import type { Octokit, RepoRef } from "./octokit.ts";

export type PrDiff =
  | { status: "ok"; text: string }
  /** GitHub refuses the diff media type past 300 files or 20,000 lines (406 `too_large`). */
  | { status: "too-large"; message: string };

/**
 * Fetches the whole pull request as one unified diff (`application/vnd.github.diff`), which
 * has what `pulls.listFiles` leaves out: patches of large files, binary markers and file modes.
 * GitHub's refusal of a too-large diff is an expected answer, returned as `too-large` so the
 * caller can state it in coverage; any other failure is thrown.
 */
export async function fetchPrDiff(octokit: Octokit, repo: RepoRef, pullNumber: number): Promise<PrDiff> {
  try {
    const response = await octokit.rest.pulls.get({
      ...repo,
      pull_number: pullNumber,
      mediaType: { format: "diff" },
    });
    // Octokit types the response as JSON whatever the media type; the diff format answers text.
    const data: unknown = response.data;
    if (typeof data !== "string") {
      throw new Error(
        `Expected the diff of ${repo.owner}/${repo.repo}#${pullNumber} as text (media type application/vnd.github.diff), ` +
          `but got ${typeof data}. Check that nothing between the app and GitHub rewrites the Accept header.`,
      );
    }
    return { status: "ok", text: data };
  } catch (error) {
    const tooLarge = tooLargeMessage(error);
    if (tooLarge !== null) return { status: "too-large", message: tooLarge };
    throw error;
  }
}

/** GitHub's message when the error is its 406 `too_large` answer, else `null`. */
function tooLargeMessage(error: unknown): string | null {
  const { status, response } = error as { status?: unknown; response?: { data?: unknown } };
  if (status !== 406) return null;
  const body = (response?.data ?? {}) as { message?: unknown; errors?: unknown };
  const codes = Array.isArray(body.errors) ? body.errors.map((e) => (e as { code?: unknown })?.code) : [];
  const message = typeof body.message === "string" ? body.message : "";
  if (!codes.includes("too_large") && !/too.large|exceeded the maximum/i.test(message)) return null;
  return message || "the diff is too large for GitHub to return";
}
