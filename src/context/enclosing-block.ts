import { indentEnclosingBlock } from "./indent-enclosing-block.ts";
import type { JsOutline } from "./js-outline.ts";
import type { LineRange } from "./line-range.ts";

/** Past this, a block is most of a file: it would crowd out the context of other hunks. */
const MAX_BLOCK_LINES = 150;

/**
 * The whole function or block a hunk's changed lines sit in, at head: from the parser's outline
 * when there is one (the innermost function or class containing them that reaches past what the
 * hunk already shows: a one-line callback inside the hunk is no context), else by indentation.
 * `null` when the change is top-level code, or the block adds nothing or is too long to be useful.
 */
export function enclosingBlock(
  lines: readonly string[],
  outline: JsOutline | null,
  changed: LineRange,
  shown: LineRange,
): LineRange | null {
  const within = (block: LineRange) => block.start >= shown.start && block.end <= shown.end;
  let best: LineRange | null = null;
  if (outline) {
    for (const block of outline.blocks) {
      if (block.start > changed.start || block.end < changed.end || within(block)) continue;
      if (best === null || block.end - block.start < best.end - best.start) best = block;
    }
  } else {
    const block = indentEnclosingBlock(lines, changed.start, changed.end);
    best = block && !within(block) ? block : null;
  }
  return best && best.end - best.start + 1 <= MAX_BLOCK_LINES ? best : null;
}
