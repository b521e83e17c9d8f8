import type { CodeownersRule } from "./parse-codeowners.ts";

/**
 * The rule that owns `path`: the *last* matching line wins, as on GitHub. Returns null when no
 * line matches. A winning rule with no owners means the path has no code owner.
 */
export function matchCodeowners(rules: readonly CodeownersRule[], path: string): CodeownersRule | null {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule?.regex.test(path)) return rule;
  }
  return null;
}
