/**
 * 1-based number of the first line at or after `fromLine` that matches `pattern`, or `null`.
 * Parsers use it to point a finding at the entry in the head file, so it can be anchored.
 */
export function findLine(lines: readonly string[], pattern: RegExp, fromLine = 1): number | null {
  for (let index = Math.max(0, fromLine - 1); index < lines.length; index++) {
    if (pattern.test(lines[index] ?? "")) return index + 1;
  }
  return null;
}

/** `text` with regex metacharacters escaped, for building a `findLine` pattern from a name. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
