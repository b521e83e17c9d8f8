import type { DiffFile } from "../diff/diff-model.ts";
import { type Finding, severityRank } from "../findings/finding.ts";
import { fileKind } from "./estimate-review-effort.ts";

export interface ReviewHotspot {
  path: string;
  /** A few words: the worst finding on the file, or why its change is large. */
  reason: string;
  additions: number;
  deletions: number;
}

/** How many files "Where to look first" names: enough to start with, few enough to read. */
export const MAX_HOTSPOTS = 5;

/** Findings about a kind of file read better as the kind than as the finding's full title. */
const CATEGORY_REASON: Record<string, string> = {
  "supply-chain": "dependency change",
  ci: "CI workflow change",
  infrastructure: "infrastructure change",
  "agent-config": "AI-agent configuration",
  "policy-change": "changes PR Triage's own rules",
  "sensitive-path": "sensitive path",
  secret: "secret in the diff",
  "hidden-unicode": "hidden Unicode",
};

/**
 * Pure: the files a reviewer should open first, riskiest first. A file ranks by its worst
 * finding (severity × confidence), then by churn; files without findings follow by churn, so a
 * quiet PR still points at its biggest change. Generated files and lockfiles without a finding
 * are left out: nobody reads them line by line.
 */
export function rankReviewFiles(files: readonly DiffFile[], findings: readonly Finding[]): ReviewHotspot[] {
  const worst = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.path === null) continue;
    const current = worst.get(finding.path);
    if (!current || weight(finding) > weight(current)) worst.set(finding.path, finding);
  }
  const ranked = files
    .filter(
      (file) =>
        worst.has(file.path) || (fileKind(file) !== "generated" && file.additions + file.deletions > 0),
    )
    .map((file) => ({ file, finding: worst.get(file.path) }))
    .sort(
      (a, b) =>
        (b.finding ? weight(b.finding) : -1) - (a.finding ? weight(a.finding) : -1) ||
        churn(b.file) - churn(a.file) ||
        a.file.path.localeCompare(b.file.path),
    );
  return ranked.slice(0, MAX_HOTSPOTS).map(({ file, finding }) => ({
    path: file.path,
    reason: finding ? reasonFor(finding) : file.status === "added" ? "new file" : "largest change",
    additions: file.additions,
    deletions: file.deletions,
  }));
}

function reasonFor(finding: Finding): string {
  const kind = finding.source === "analyzer" ? CATEGORY_REASON[finding.category] : undefined;
  return `${finding.severity}: ${kind ?? finding.title}`;
}

function weight(finding: Finding): number {
  return (severityRank(finding.severity) + 1) * finding.confidence;
}

function churn(file: DiffFile): number {
  return file.additions + file.deletions;
}
