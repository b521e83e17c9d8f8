/**
 * Which lines GitHub accepts a review comment on, read straight from a unified patch, the way
 * GitHub does it: every line of a hunk, by its new number (RIGHT: added and context) or old
 * number (LEFT: deleted and context). Written independently of src/diff, so the fakes that use
 * it check the app rather than agree with it.
 */
export interface CommentableLines {
  /** `RIGHT:12` → hunk index and the line's text. */
  lines: Map<string, { hunk: number; text: string }>;
}

export function commentableLines(patch: string): CommentableLines {
  const lines = new Map<string, { hunk: number; text: string }>();
  let oldLine = 0;
  let newLine = 0;
  let hunk = -1;
  for (const raw of patch.split("\n")) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (header) {
      hunk += 1;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      continue;
    }
    if (hunk < 0 || raw.startsWith("\\")) continue;
    const text = raw.slice(1).replace(/\r$/, "");
    if (raw.startsWith("+")) lines.set(`RIGHT:${newLine++}`, { hunk, text });
    else if (raw.startsWith("-")) lines.set(`LEFT:${oldLine++}`, { hunk, text });
    else if (raw.startsWith(" ") || raw === "") {
      lines.set(`RIGHT:${newLine++}`, { hunk, text });
      lines.set(`LEFT:${oldLine++}`, { hunk, text });
    }
  }
  return { lines };
}

export interface PostedComment {
  path: string;
  line: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  body: string;
}

/**
 * Why GitHub would refuse this review comment with 422 ("Line could not be resolved"), or null.
 * A range must sit in one hunk; a ```suggestion must also replace exactly lines it can see.
 */
export function whyUnprocessable(
  comment: PostedComment,
  patches: ReadonlyMap<string, string>,
): string | null {
  const patch = patches.get(comment.path);
  if (patch === undefined) return `${comment.path} is not part of the diff`;
  const { lines } = commentableLines(patch);
  const side = comment.side ?? "RIGHT";
  const end = lines.get(`${side}:${comment.line}`);
  if (!end) return `line ${comment.line} (${side}) of ${comment.path} could not be resolved`;
  if (comment.start_line !== undefined) {
    const start = lines.get(`${comment.start_side ?? side}:${comment.start_line}`);
    if (!start || start.hunk !== end.hunk) return `start_line ${comment.start_line} is not in the same hunk`;
  }
  if (comment.body.includes("```suggestion") && side !== "RIGHT")
    return "a suggestion must be on the RIGHT side";
  return null;
}
