export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** GitHub's names for the two sides of a diff: LEFT is the old file, RIGHT the new one. */
export type Side = "LEFT" | "RIGHT";

/** One problem found in a pull request, by a deterministic analyzer or by the LLM. */
export interface Finding {
  /** Stable identity of the rule, e.g. `secrets/aws-access-key` or `llm/security`. */
  ruleId: string;
  source: "analyzer" | "llm";
  severity: Severity;
  category: string;
  title: string;
  /** Why it matters and what to do. Markdown; sanitized before posting. */
  message: string;
  /** File the finding is about, or `null` for PR-wide findings. */
  path: string | null;
  line: number | null;
  startLine: number | null;
  side: Side;
  /** 0–1; analyzers are certain of what they matched, so they use 1. */
  confidence: number;
  /** Minimum risk score (0–100) this finding alone justifies. The LLM's findings set no floor. */
  riskFloor: number;
  /** Title of the repository policy the finding cites, if any. */
  policy: string | null;
  /**
   * New text for lines `startLine`…`line` on the RIGHT side that fixes the finding (from the LLM,
   * or a mechanical fix). Posted as a one-click suggestion only when it applies cleanly.
   */
  replacement?: string;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
