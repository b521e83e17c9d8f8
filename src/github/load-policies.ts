import { httpStatus } from "../errors/http-status.ts";
import type { PolicySource } from "../policies/policy.ts";
import { type LoadedPolicies, readPolicies } from "../policies/read-policies.ts";
import { getRawFile } from "./get-raw-file.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/**
 * Reads the policy files that `globs` match from the base branch (`baseRef`), never from the
 * PR's head: a PR must not be able to rewrite the rules it is reviewed against. A policy folder
 * is listed with one contents call; a glob that spans folders uses one recursive tree call.
 */
export function loadPolicies(
  octokit: Octokit,
  repo: RepoRef,
  baseRef: string,
  globs: readonly string[],
): Promise<LoadedPolicies> {
  return readPolicies(githubPolicySource(octokit, repo, baseRef), globs);
}

function githubPolicySource(octokit: Octokit, repo: RepoRef, ref: string): PolicySource {
  return {
    async list(dir, recursive) {
      if (recursive) {
        const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: ref, recursive: "true" });
        const prefix = dir === "" ? "" : `${dir}/`;
        return data.tree
          .filter(
            (entry) => entry.type === "blob" && entry.mode !== "120000" && entry.path?.startsWith(prefix),
          )
          .map((entry) => ({ path: entry.path ?? "", size: entry.size ?? 0 }));
      }
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path: dir, ref });
        if (!Array.isArray(data)) return [];
        return data
          .filter((entry) => entry.type === "file")
          .map((entry) => ({ path: entry.path, size: entry.size }));
      } catch (error) {
        // No policy folder is the common case, not a problem.
        if (httpStatus(error) === 404) return [];
        throw error;
      }
    },
    async read(path) {
      const data = await getRawFile(octokit, repo, path, ref);
      if (typeof data !== "string") throw new Error("GitHub returned a folder or submodule, not a file");
      return data;
    },
  };
}
