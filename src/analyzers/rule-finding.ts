import type { Finding, Severity, Side } from "../findings/finding.ts";
import { analyzerFinding } from "./analyzer-finding.ts";
import type { AnalyzerRule, RuleVariant } from "./analyzer-rule.ts";

/** Where a finding points and what it says beyond its rule's catalogue entry. */
export interface RuleFindingFields {
  /** Defaults to the rule's title; set it to name the file, trigger or package. */
  title?: string;
  /** Defaults to the rule's `why` and `fix`; set it to quote the offending line. */
  message?: string;
  path?: string | null;
  line?: number | null;
  startLine?: number | null;
  side?: Side;
  /** One of the rule's variants, when its condition holds. */
  variant?: RuleVariant;
  /** A configured floor (`floorSetting`) and the severity it implies, instead of the catalogue's. */
  configured?: { severity: Severity; riskFloor: number };
}

/** A finding of `rule`: id, category, severity and risk floor come from the catalogue. */
export function ruleFinding(rule: AnalyzerRule, fields: RuleFindingFields = {}): Finding {
  const level = fields.configured ?? fields.variant ?? rule;
  return analyzerFinding({
    ruleId: rule.id,
    severity: level.severity,
    category: rule.category,
    title: fields.title ?? rule.title,
    message: fields.message ?? `${rule.why} ${rule.fix}`,
    riskFloor: level.riskFloor,
    ...(fields.path !== undefined && { path: fields.path }),
    ...(fields.line !== undefined && { line: fields.line }),
    ...(fields.startLine !== undefined && { startLine: fields.startLine }),
    ...(fields.side !== undefined && { side: fields.side }),
  });
}
