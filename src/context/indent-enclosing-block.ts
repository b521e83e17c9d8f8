import type { LineRange } from "./line-range.ts";

/** Beyond this, an "enclosing block" is most of a file, not context for one hunk. */
const MAX_BLOCK_LINES = 150;
const OPENER = /[{:(]\s*$|^\s*(def|class|func|fn|function|impl|module|interface|struct|sub|proc)\b/;
const CLOSER = /^\s*(}|end\b|\)|])/;

/**
 * For languages without a parser here: the block around `first`–`last`, by indentation. Its
 * opener is the nearest line above that is less indented than the hunk and opens a block (ends
 * with `{`, `:` or `(`, or starts with `def`, `func`, `fn`…); it ends before the next line
 * indented no deeper than the opener, including that line when it closes the block (`}`, `end`).
 * `null` for top-level code, or when the block would be more than `MAX_BLOCK_LINES` lines.
 */
export function indentEnclosingBlock(
  lines: readonly string[],
  first: number,
  last: number,
): LineRange | null {
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const isBlank = (n: number) => (lines[n - 1] ?? "").trim() === "";
  let base = Number.POSITIVE_INFINITY;
  for (let n = first; n <= last; n++) if (!isBlank(n)) base = Math.min(base, indentOf(lines[n - 1] ?? ""));
  if (!Number.isFinite(base) || base === 0) return null;
  let start = 0;
  for (let n = first - 1; n >= 1 && first - n <= MAX_BLOCK_LINES; n--) {
    const text = lines[n - 1] ?? "";
    if (isBlank(n) || indentOf(text) >= base) continue;
    if (OPENER.test(text)) start = n;
    break;
  }
  if (start === 0) return null;
  const openerIndent = indentOf(lines[start - 1] ?? "");
  let end = lines.length;
  for (let n = last + 1; n <= lines.length; n++) {
    const text = lines[n - 1] ?? "";
    if (isBlank(n) || indentOf(text) > openerIndent) continue;
    end = CLOSER.test(text) ? n : n - 1;
    break;
  }
  while (end > last && isBlank(end)) end--;
  return end - start + 1 > MAX_BLOCK_LINES ? null : { start, end };
}
