import type { Finding, Severity, Side } from "../findings/finding.ts";

/** The fields an analyzer decides; the rest are the same for every deterministic finding. */
export interface AnalyzerFindingFields {
  ruleId: string;
  severity: Severity;
  category: string;
  title: string;
  message: string;
  riskFloor: number;
  path?: string | null;
  line?: number | null;
  startLine?: number | null;
  side?: Side;
}

/** Builds a Finding with the analyzer defaults: certain (confidence 1), no policy, RIGHT side. */
export function analyzerFinding(fields: AnalyzerFindingFields): Finding {
  return {
    ruleId: fields.ruleId,
    source: "analyzer",
    severity: fields.severity,
    category: fields.category,
    title: fields.title,
    message: fields.message,
    path: fields.path ?? null,
    line: fields.line ?? null,
    startLine: fields.startLine ?? null,
    side: fields.side ?? "RIGHT",
    confidence: 1,
    riskFloor: fields.riskFloor,
    policy: null,
  };
}
