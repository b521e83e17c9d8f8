import type { HeadSource } from "../context/head-source.ts";
import { rankCallSiteCandidates } from "../context/rank-call-site-candidates.ts";
import { getRawFile } from "./get-raw-file.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/** Larger files are generated or data; as context they would only crowd out the diff. */
const MAX_FILE_CHARS = 200_000;

/**
 * Review context from the PR's head commit through the contents and trees API. GitHub's code
 * search is not available for every repository and is rate-limited, so uses of a symbol are
 * found by reading at most `searchFiles` nearby source files of the head tree (one tree request
 * plus one per file). A file that cannot be read is simply left out: context is optional.
 */
export function githubHeadSource(
  octokit: Octokit,
  repo: RepoRef,
  headSha: string,
  searchFiles: number,
): HeadSource {
  const read = async (path: string): Promise<string | null> => {
    try {
      const text = await getRawFile(octokit, repo, path, headSha);
      return typeof text === "string" && text.length <= MAX_FILE_CHARS && !text.includes("\u0000")
        ? text
        : null;
    } catch {
      return null;
    }
  };
  return {
    read,
    async search(symbols, exclude) {
      if (searchFiles === 0 || symbols.length === 0) return [];
      let tree: { path: string; size: number }[];
      try {
        const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: headSha, recursive: "true" });
        tree = data.tree.flatMap((e) =>
          e.type === "blob" && e.path ? [{ path: e.path, size: e.size ?? 0 }] : [],
        );
      } catch {
        return [];
      }
      const paths = rankCallSiteCandidates(tree, [...exclude], exclude, searchFiles);
      const texts = await Promise.all(paths.map(read));
      return paths.flatMap((path, i) => {
        const text = texts[i];
        return text && symbols.some((symbol) => text.includes(symbol)) ? [{ path, text }] : [];
      });
    },
  };
}
