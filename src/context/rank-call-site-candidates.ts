/** Bigger files are rarely hand-written callers; they would cost a request and many bytes. */
const MAX_CANDIDATE_BYTES = 100_000;
const SKIPPED_DIRS = /(^|\/)(node_modules|vendor|third_party|dist|build|coverage|\.git)\//;
const LANGUAGE_FAMILIES: readonly RegExp[] = [
  /\.(m|c)?(j|t)sx?$/i,
  /\.py$/i,
  /\.go$/i,
  /\.rb$/i,
  /\.(java|kt|scala)$/i,
  /\.(c|h|cc|cpp|hpp)$/i,
  /\.rs$/i,
  /\.cs$/i,
  /\.php$/i,
];

/**
 * Which files of the head tree to read when looking for uses of symbols defined in `definedIn`:
 * source files of the same language, nearest folders first (a caller is usually a neighbour),
 * at most `max` of them. Without a code search API this bounds the requests a triage spends.
 */
export function rankCallSiteCandidates(
  tree: readonly { path: string; size: number }[],
  definedIn: readonly string[],
  exclude: ReadonlySet<string>,
  max: number,
): string[] {
  const families = LANGUAGE_FAMILIES.filter((family) => definedIn.some((path) => family.test(path)));
  const dirs = definedIn.map((path) => path.split("/").slice(0, -1));
  const closeness = (path: string) => {
    const parts = path.split("/");
    return Math.max(...dirs.map((dir) => commonPrefix(dir, parts)));
  };
  return tree
    .filter(
      (entry) =>
        entry.size <= MAX_CANDIDATE_BYTES &&
        !exclude.has(entry.path) &&
        !SKIPPED_DIRS.test(entry.path) &&
        families.some((family) => family.test(entry.path)) &&
        !entry.path.endsWith(".d.ts"),
    )
    .map((entry) => ({ path: entry.path, score: closeness(entry.path) }))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, max)
    .map((entry) => entry.path);
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length - 1 && a[n] === b[n]) n++;
  return n;
}
