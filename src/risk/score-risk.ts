import type { RiskLevel, TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { type Finding, type Severity, severityRank } from "../findings/finding.ts";

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
  /** The combined signals, after diminishing returns and the severity ceiling. */
  combined: number;
  contributions: RiskContribution[];
  /** True when part of the review could not run, so a human must look regardless of the score. */
  needsHuman: boolean;
}

const SEVERITY_POINTS: Record<Severity, number> = { info: 0, low: 5, medium: 15, high: 30, critical: 50 };
/** Below this an AI finding only adds points; at or above it a high or critical one reaches "high". */
export const LLM_CONFIDENT = 0.7;

export interface RiskInput {
  findings: readonly Finding[];
  /** Not scored directly: size is counted once, by the size-churn finding. */
  files: readonly DiffFile[];
  llmUnavailable: boolean;
  thresholds: TriageConfig["risk"]["thresholds"];
}

/**
 * `final = max(floor, signals)`, calibrated so that one weak signal cannot make a PR high while
 * one serious finding always does (the rule in words: `RISK_RULE`).
 * - Floor: the highest `riskFloor` of the deterministic findings, lifted to the `high` threshold
 *   for a high or critical one; an unavailable LLM lifts it to `medium` (never evidence of safety).
 * - Signals: severity points × confidence. Within a signal kind each further finding counts half
 *   the previous one, and the sum stays below the level above the worst severity present: ten
 *   low findings are still low. A confident high or critical AI finding reaches `high`.
 */
export function scoreRisk({ findings, llmUnavailable, thresholds }: RiskInput): RiskScore {
  let floor = 0;
  let floorReason: string | null = null;
  const raise = (points: number, reason: string) => {
    if (points > floor) {
      floor = points;
      floorReason = reason;
    }
  };
  for (const finding of findings) {
    if (finding.source !== "analyzer") continue;
    const serious = severityRank(finding.severity) >= severityRank("high");
    raise(serious ? Math.max(finding.riskFloor, thresholds.high) : finding.riskFloor, finding.title);
  }
  if (llmUnavailable) raise(thresholds.medium, "AI review unavailable: needs human review");

  const contributions = diminishingContributions(findings);
  const sum = contributions.reduce((total, c) => total + c.points, 0);
  const worst = findings
    .filter((finding) => points(finding) > 0)
    .reduce((max, finding) => Math.max(max, severityRank(finding.severity)), 0);
  let combined = Math.min(sum, ceilingFor(worst, thresholds));
  const confidentAi = findings.find(
    (finding) =>
      finding.source === "llm" &&
      severityRank(finding.severity) >= severityRank("high") &&
      clamp01(finding.confidence) >= LLM_CONFIDENT,
  );
  if (confidentAi) combined = Math.max(combined, thresholds.high);
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

/** Per signal kind, the strongest counts in full and each further one half the one before. */
function diminishingContributions(findings: readonly Finding[]): RiskContribution[] {
  const bySignal = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (points(finding) === 0) continue;
    const signal = finding.source === "llm" ? "AI review" : finding.category;
    bySignal.set(signal, [...(bySignal.get(signal) ?? []), finding]);
  }
  const contributions: RiskContribution[] = [];
  for (const [signal, group] of bySignal) {
    group.sort((a, b) => points(b) - points(a));
    group.forEach((finding, index) => {
      const effective = Math.round(points(finding) / 2 ** index);
      if (effective === 0) return;
      const where = finding.path ? ` (${finding.path}${finding.line ? `:${finding.line}` : ""})` : "";
      contributions.push({
        signal,
        points: effective,
        reason: `${finding.severity}: ${finding.title}${where}`,
      });
    });
  }
  return contributions;
}

/** The highest score signals may reach when the worst finding has severity rank `worst`. */
function ceilingFor(worst: number, thresholds: TriageConfig["risk"]["thresholds"]): number {
  if (worst <= severityRank("low")) return thresholds.medium - 1;
  if (worst === severityRank("medium")) return thresholds.high - 1;
  if (worst === severityRank("high")) return thresholds.critical - 1;
  return 100;
}

function points(finding: Finding): number {
  return SEVERITY_POINTS[finding.severity] * clamp01(finding.confidence);
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
