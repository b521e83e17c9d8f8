import type { RiskLevel, TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding, Severity } from "../findings/finding.ts";

/** One line of the score's explanation. */
export interface RiskContribution {
  signal: string;
  points: number;
  reason: string;
}

export interface RiskScore {
  score: number;
  level: RiskLevel;
  /** The deterministic floor: the score can never be lower. */
  floor: number;
  floorReason: string | null;
  /** The sum of weighted signals before the floor is applied. */
  combined: number;
  contributions: RiskContribution[];
  /** True when part of the review could not run, so a human must look regardless of the score. */
  needsHuman: boolean;
}

const SEVERITY_POINTS: Record<Severity, number> = { info: 0, low: 5, medium: 15, high: 30, critical: 50 };

export interface RiskInput {
  findings: readonly Finding[];
  files: readonly DiffFile[];
  llmUnavailable: boolean;
  thresholds: TriageConfig["risk"]["thresholds"];
}

/**
 * `final = max(floor, combined)`. Deterministic findings set the floor; LLM findings add
 * weighted points but can never pull the score under the floor. An unavailable LLM is not
 * evidence of safety: it lifts the floor to "medium" and marks the PR as needing a human.
 */
export function scoreRisk({ findings, files, llmUnavailable, thresholds }: RiskInput): RiskScore {
  const contributions: RiskContribution[] = [];
  let floor = 0;
  let floorReason: string | null = null;
  for (const finding of findings) {
    if (finding.riskFloor > floor) {
      floor = finding.riskFloor;
      floorReason = finding.title;
    }
    const points = Math.round(SEVERITY_POINTS[finding.severity] * clamp01(finding.confidence));
    if (points > 0) {
      const where = finding.path ? ` (${finding.path}${finding.line ? `:${finding.line}` : ""})` : "";
      contributions.push({
        signal: finding.source === "llm" ? "AI review" : finding.category,
        points,
        reason: `${finding.severity}: ${finding.title}${where}`,
      });
    }
  }
  const churn = files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
  const sizePoints = churn > 1000 ? 20 : churn > 400 ? 10 : churn > 100 ? 5 : 0;
  if (sizePoints > 0) {
    contributions.push({
      signal: "size",
      points: sizePoints,
      reason: `${churn} lines changed in ${files.length} files`,
    });
  }
  if (llmUnavailable && thresholds.medium > floor) {
    floor = thresholds.medium;
    floorReason = "AI review unavailable: needs human review";
  }
  const combined = Math.min(
    100,
    contributions.reduce((sum, c) => sum + c.points, 0),
  );
  const score = Math.max(floor, combined);
  return {
    score,
    level: levelFor(score, thresholds),
    floor,
    floorReason,
    combined,
    contributions: contributions.sort((a, b) => b.points - a.points),
    needsHuman: llmUnavailable,
  };
}

export function levelFor(score: number, thresholds: TriageConfig["risk"]["thresholds"]): RiskLevel {
  if (score >= thresholds.critical) return "critical";
  if (score >= thresholds.high) return "high";
  if (score >= thresholds.medium) return "medium";
  return "low";
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
