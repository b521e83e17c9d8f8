import type { ParsedCodeowners } from "../codeowners/parse-codeowners.ts";
import { readCodeowners } from "../codeowners/read-codeowners.ts";
import { httpStatus } from "../errors/http-status.ts";
import { getRawFile } from "./get-raw-file.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/**
 * Reads CODEOWNERS from the base branch (GitHub itself uses the base branch's file to request
 * reviews), trying `.github/`, the root and `docs/` in GitHub's order. Null when there is none.
 */
export function loadCodeowners(
  octokit: Octokit,
  repo: RepoRef,
  baseRef: string,
): Promise<ParsedCodeowners | null> {
  return readCodeowners(async (path) => {
    try {
      const data = await getRawFile(octokit, repo, path, baseRef);
      return typeof data === "string" ? data : null;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  });
}
