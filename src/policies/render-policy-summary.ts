import { sanitizeMarkdown } from "../render/sanitize-markdown.ts";
import type { PolicySelection } from "./select-policies.ts";

/**
 * The summary's "Policies" section: which policies the review applied (and to which files),
 * which matched but did not fit the budget. Empty when the repository has no policies.
 * `aiReviewRan` is false in analyzers-only mode: the policies were then selected but not used.
 */
export function renderPolicySummary(
  selection: PolicySelection,
  aiReviewRan: boolean,
  host = "github.com",
): string {
  const total = selection.applied.length + selection.skipped.length + selection.unmatched;
  if (total === 0) return "";
  const lines = ["### Policies"];
  if (selection.applied.length === 0) {
    lines.push(`No repository policy applies to the changed files (${total} checked).`);
  } else {
    lines.push(
      aiReviewRan
        ? `The AI review applied ${selection.applied.length} of ${total} policies from the base branch:`
        : `${selection.applied.length} of ${total} policies from the base branch apply, but the AI review did not run:`,
    );
    for (const { policy, matched } of selection.applied) {
      const scope =
        matched.length === 0
          ? "every change"
          : `${matched
              .slice(0, 3)
              .map((p) => code(p))
              .join(", ")}${matched.length > 3 ? ` and ${matched.length - 3} more` : ""}`;
      lines.push(`- **${clean(policy.title, host)}** (${code(policy.path)}): ${scope}`);
    }
  }
  for (const { policy, reason } of selection.skipped) {
    lines.push(`- Not applied: **${clean(policy.title, host)}** (${code(policy.path)}): ${reason}`);
  }
  return lines.join("\n");
}

function clean(text: string, host: string): string {
  return sanitizeMarkdown(text, host).replace(/\s+/g, " ");
}

function code(path: string): string {
  return `\`${path.replace(/`/g, "'")}\``;
}
