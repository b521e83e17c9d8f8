import type { HeadSource } from "../context/head-source.ts";
import { rankCallSiteCandidates } from "../context/rank-call-site-candidates.ts";
import { gitOrNull } from "./git.ts";

/** As in the app: larger files are generated or data, not context. */
const MAX_FILE_CHARS = 200_000;

/**
 * Review context from a local commit: `git show` for files, and `git grep -w` over the whole
 * tree for uses of a symbol (local and cheap, so no request budget applies, only `searchFiles`).
 */
export function gitHeadSource(root: string, commit: string, searchFiles: number): HeadSource {
  const read = async (path: string): Promise<string | null> => {
    const text = gitOrNull(root, ["show", `${commit}:${path}`]);
    return text !== null && text.length <= MAX_FILE_CHARS && !text.includes("\u0000") ? text : null;
  };
  return {
    read,
    async search(symbols, exclude) {
      if (searchFiles === 0 || symbols.length === 0) return [];
      const args = ["grep", "-l", "-w", "-I", ...symbols.flatMap((s) => ["-e", s]), commit, "--"];
      const hits = (gitOrNull(root, args) ?? "")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => ({ path: line.slice(commit.length + 1), size: 0 }));
      const paths = rankCallSiteCandidates(hits, [...exclude], exclude, searchFiles);
      const texts = await Promise.all(paths.map(read));
      return paths.flatMap((path, i) => {
        const text = texts[i];
        return text ? [{ path, text }] : [];
      });
    },
  };
}
