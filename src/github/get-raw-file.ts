import type { Octokit, RepoRef } from "./octokit.ts";

/**
 * A file's bytes at `ref`, through the contents API's raw media type: a string for a file (the
 * SDK's type does not know that), something else for a folder or submodule. Errors (a 404 for
 * a missing file) are the caller's to read.
 */
export async function getRawFile(
  octokit: Octokit,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<unknown> {
  const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref, mediaType: { format: "raw" } });
  return data;
}
