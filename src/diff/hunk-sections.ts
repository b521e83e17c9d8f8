/**
 * The text after each hunk header's closing `@@`, in order. jsdiff drops it, but it is git's
 * cheap guess at the enclosing function, which the model uses for context.
 *
 * It scans with `indexOf` rather than splitting the patch into lines: on a multi-megabyte diff
 * a second full split would cost as much as the parse itself. Only a line that starts with `@@`
 * and whitespace counts, which is exactly what jsdiff treats as a hunk header, so the two lists
 * line up index for index (hunk body lines always start with `+`, `-`, space or `\`).
 */
export function hunkSections(patchText: string): string[] {
  const sections: string[] = [];
  let start = patchText.startsWith("@@") ? 0 : nextHeaderStart(patchText, 0);
  while (start !== -1) {
    if (WHITESPACE.test(patchText.charAt(start + 2))) {
      const end = patchText.indexOf("\n", start);
      sections.push(sectionOf(patchText.slice(start, end === -1 ? patchText.length : end)));
    }
    start = nextHeaderStart(patchText, start + 2);
  }
  return sections;
}

/** jsdiff's own test for a hunk header is `/^@@\s/`: the same character class keeps the lists aligned. */
const WHITESPACE = /\s/;

function nextHeaderStart(text: string, from: number): number {
  const newline = text.indexOf("\n@@", from);
  return newline === -1 ? -1 : newline + 1;
}

function sectionOf(header: string): string {
  const close = header.indexOf("@@", 2);
  if (close === -1) return "";
  let section = header.slice(close + 2);
  if (section.endsWith("\r")) section = section.slice(0, -1);
  return section.startsWith(" ") ? section.slice(1) : section;
}
