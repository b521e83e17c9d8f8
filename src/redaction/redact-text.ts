/** What a secret is replaced with, wherever text leaves the process. */
export const REDACTED = "[REDACTED SECRET]";

/** Shorter values would redact ordinary words along with the secret. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of every secret value with {@link REDACTED}. Occurrences are found
 * first and replaced as merged character ranges: replacing one value after another would let the
 * first replacement eat the start of an overlapping second value, leaving its tail in clear.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  const ranges: [number, number][] = [];
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      ranges.push([at, at + secret.length]);
    }
  }
  return replaceRanges(text, ranges);
}

/** Replaces the union of `ranges` (0-based, end exclusive, in any order, overlapping or not). */
export function replaceRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = "";
  let cursor = 0;
  let open: [number, number] | null = null;
  for (const [start, end] of sorted) {
    if (open && start <= open[1]) {
      open[1] = Math.max(open[1], end);
      continue;
    }
    if (open) {
      out += text.slice(cursor, open[0]) + REDACTED;
      cursor = open[1];
    }
    open = [start, end];
  }
  if (open) {
    out += text.slice(cursor, open[0]) + REDACTED;
    cursor = open[1];
  }
  return out + text.slice(cursor);
}
