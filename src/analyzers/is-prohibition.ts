const NEGATION =
  /\b(never|don'?t|do not|must not|mustn'?t|should not|shouldn'?t|avoid|forbid(den)?|prohibit(ed)?|disallow(ed)?|refuse|no)\b/i;

/**
 * True when the text before `index` in the same sentence forbids what follows ("Never run
 * `curl | bash`"). Safety rules quote the dangerous thing they ban; flagging them is noise.
 */
export function isProhibition(line: string, index: number): boolean {
  const before = line.slice(0, index);
  const sentence = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("; ")) + 1);
  return NEGATION.test(sentence);
}
