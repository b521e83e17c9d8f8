import type { Anchor } from "../anchor/anchor-finding.ts";
import type { SuggestionCheck } from "../anchor/check-suggestion.ts";
import type { Finding } from "../findings/finding.ts";
import { fingerprintMarker } from "./markers.ts";
import { renderSuggestion } from "./render-suggestion.ts";
import { capLength, sanitizeMarkdown } from "./sanitize-markdown.ts";

const SEVERITY_BADGE = { info: "ℹ️", low: "🔵", medium: "🟡", high: "🟠", critical: "🔴" } as const;

/** One inline review comment. Untrusted parts (title, message, policy) are sanitized; our frame is not. */
export function renderInlineComment(
  finding: Finding,
  anchor: Anchor,
  host: string,
  fingerprint: string,
  suggestion?: SuggestionCheck,
): string {
  const clean = (text: string) => sanitizeMarkdown(text, host);
  const moved = anchor.moved ? `\n\n_Moved here from line ${finding.line}, which is outside the diff._` : "";
  const policy = finding.policy ? `\n\nPolicy: ${clean(finding.policy)}` : "";
  const fix = renderSuggestion(finding.replacement, suggestion);
  const source =
    finding.source === "llm"
      ? `AI review, confidence ${Math.round(finding.confidence * 100)}%`
      : `rule \`${finding.ruleId}\``;
  return capLength(
    `${fingerprintMarker(fingerprint)}\n${SEVERITY_BADGE[finding.severity]} **${clean(finding.title)}** (${finding.severity})\n\n${clean(finding.message)}${policy}${fix ? `\n\n${clean(fix)}` : ""}${moved}\n\n<sub>PR Triage · ${source}</sub>`,
  );
}
