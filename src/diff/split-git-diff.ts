const GIT_HEADER = "diff --git ";

/**
 * Cuts a full git diff into one piece per file, each starting at its `diff --git` line. Anything
 * before the first header (a `format-patch` mail header, say) is dropped. A diff without any
 * `diff --git` line (plain `diff -u` output) comes back whole, for jsdiff to split on `---`/`+++`.
 *
 * Splitting first means each file is parsed on its own, so one malformed file cannot take the
 * whole pull request down with it. It is safe because inside a hunk every line starts with
 * `+`, `-`, space or `\`: a line starting `diff --git ` can only be a file header.
 */
export function splitGitDiff(text: string): string[] {
  const starts: number[] = [];
  let start = text.startsWith(GIT_HEADER) ? 0 : nextHeaderStart(text, 0);
  while (start !== -1) {
    starts.push(start);
    start = nextHeaderStart(text, start + GIT_HEADER.length);
  }
  if (starts.length === 0) return text.trim() === "" ? [] : [text];
  return starts.map((from, index) => text.slice(from, starts[index + 1] ?? text.length));
}

function nextHeaderStart(text: string, from: number): number {
  const newline = text.indexOf(`\n${GIT_HEADER}`, from);
  return newline === -1 ? -1 : newline + 1;
}
