import { type Anchor, anchorFinding } from "../anchor/anchor-finding.ts";
import type { TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { type Finding, severityRank } from "../findings/finding.ts";

export interface InlineSelection {
  inline: { finding: Finding; anchor: Anchor }[];
  summaryOnly: { finding: Finding; reason: string }[];
}

/**
 * Decides which findings become inline comments: anchored, at or above the severity threshold,
 * best first (severity × confidence), up to the configured maximum. Everything else keeps a
 * reason and goes to the summary.
 */
export function selectInline(
  findings: readonly Finding[],
  files: ReadonlyMap<string, DiffFile>,
  review: TriageConfig["review"],
  fingerprints: ReadonlyMap<Finding, string> = new Map(),
  alreadyPosted: ReadonlySet<string> = new Set(),
): InlineSelection {
  const ranked = [...findings].sort((a, b) => weight(b) - weight(a));
  const selection: InlineSelection = { inline: [], summaryOnly: [] };
  const threshold = severityRank(review.severityThreshold);
  const seen = new Set<string>();
  for (const finding of ranked) {
    if (finding.path === null || finding.line === null) {
      selection.summaryOnly.push({
        finding,
        reason: finding.path === null ? "applies to the whole PR" : "about the whole file",
      });
      continue;
    }
    if (severityRank(finding.severity) < threshold) {
      selection.summaryOnly.push({ finding, reason: `below the ${review.severityThreshold} threshold` });
      continue;
    }
    const fp = fingerprints.get(finding);
    if (fp !== undefined && alreadyPosted.has(fp)) {
      selection.summaryOnly.push({ finding, reason: "already commented on an earlier push" });
      continue;
    }
    const anchored = anchorFinding(finding, files);
    if (!anchored.ok) {
      selection.summaryOnly.push({ finding, reason: anchored.reason });
      continue;
    }
    const key = `${anchored.anchor.path}:${anchored.anchor.side}:${anchored.anchor.line}:${finding.ruleId}`;
    if (seen.has(key)) {
      selection.summaryOnly.push({ finding, reason: "duplicate of a comment on the same line" });
      continue;
    }
    if (selection.inline.length >= review.maxInlineComments) {
      selection.summaryOnly.push({
        finding,
        reason: `over the limit of ${review.maxInlineComments} inline comments`,
      });
      continue;
    }
    seen.add(key);
    selection.inline.push({ finding, anchor: anchored.anchor });
  }
  return selection;
}

function weight(finding: Finding): number {
  return (severityRank(finding.severity) + 1) * finding.confidence;
}
