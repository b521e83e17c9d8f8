import type { SuggestionCheck } from "../anchor/check-suggestion.ts";
import { redactSecretShapes } from "./sanitize-markdown.ts";

/** What redaction leaves in place of a secret; a suggestion carrying it would commit the mask. */
const REDACTION_MASK = "[REDACTED SECRET]";

/**
 * The fix under an inline comment: a ```suggestion block reviewers can commit in one click when
 * `check` says it applies, a plain code block otherwise. The replacement was already redacted
 * with the PR's known secrets; credential shapes are masked here too, and a masked fix is never
 * offered as a suggestion, so committing one can never write a secret (or its mask) back.
 */
export function renderSuggestion(
  replacement: string | undefined,
  check: SuggestionCheck | undefined,
): string {
  if (replacement === undefined || check === undefined) return "";
  const text = redactSecretShapes(replacement).replace(/\r?\n$/, "");
  // A fence inside the text would end our block early and turn the rest into live Markdown.
  if (text.includes("```")) return "_A proposed fix was left out: it contains a code fence._";
  if (text.includes(REDACTION_MASK)) {
    return `Proposed fix (not offered as a suggestion: it contains a redacted secret):\n\n\`\`\`\n${text}\n\`\`\``;
  }
  if (!check.applies)
    return `Proposed fix (not a one-click suggestion: ${check.reason}):\n\n\`\`\`\n${text}\n\`\`\``;
  return `\`\`\`suggestion\n${text}\n\`\`\``;
}
