import { type Finding, severityRank } from "../findings/finding.ts";

/**
 * Merges findings that report the same issue on the same line (two chunks, or the model and an
 * analyzer, saying the same thing), keeping the most severe and most confident version. Reviewers
 * hate reading the same comment twice.
 */
export function mergeDuplicates(findings: readonly Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const finding of findings) {
    const key = identity(finding);
    const existing = kept.get(key);
    if (!existing || better(finding, existing)) kept.set(key, finding);
  }
  return [...kept.values()];
}

function identity(finding: Finding): string {
  const where = `${finding.path ?? ""}:${finding.side}:${finding.line ?? ""}`;
  // LLM titles vary in wording; on the same line, the same category is the same issue.
  const what = finding.source === "llm" ? `llm:${finding.category}` : finding.ruleId;
  return finding.path === null ? `${finding.ruleId}:${finding.title}` : `${where}:${what}`;
}

function better(a: Finding, b: Finding): boolean {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  return bySeverity !== 0 ? bySeverity > 0 : a.confidence > b.confidence;
}
