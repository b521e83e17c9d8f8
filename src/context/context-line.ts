/** Minified or generated lines would eat the budget without helping. */
const MAX_LINE_CHARS = 300;

/**
 * Opens the context part of a chunk. Context lines carry a `|` and no line number, so that the
 * model has nothing to cite from them; the system prompt says they are never to be reported on.
 */
export const CONTEXT_HEADER =
  "## Context (unchanged code at the head commit, for understanding only: not part of the diff, never cite it)";

/** One line of context as the model sees it: no trailing CR, cut past MAX_LINE_CHARS. */
export function contextLine(line: string): string {
  const text = line.replace(/\r$/, "");
  return text.length <= MAX_LINE_CHARS ? text : `${text.slice(0, MAX_LINE_CHARS)} …`;
}
