import type { Severity } from "../findings/finding.ts";

/**
 * One deterministic rule as data: what its findings carry (id, category, severity, risk floor)
 * and what the docs say about it. The catalogue of every rule (`RULE_CATALOGUE`) is the single
 * source of the risk floors, so the code, the risk table and the docs cannot drift.
 */
export interface AnalyzerRule {
  /** Stable id, shown on findings and matched by `ignore.findings[].rule`. */
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  /** Minimum risk score (0–100) one finding of this rule justifies. */
  readonly riskFloor: number;
  /** The rule's name in the docs; a finding's own title may name the file, trigger or package. */
  readonly title: string;
  /** Why it matters, in general terms; a finding's message quotes the offending line instead. */
  readonly why: string;
  /** What to do about it: the last sentences of every finding's message. */
  readonly fix: string;
  /** The same rule at another severity when a condition holds (the step also receives secrets). */
  readonly variants?: readonly RuleVariant[];
  /** The config key whose value replaces `riskFloor` (and the severity it implies), if any. */
  readonly floorSetting?: string;
}

/** A condition under which a rule's findings carry another severity and floor. */
export interface RuleVariant {
  /** When it applies, in words for the docs: "the step also receives secrets". */
  readonly when: string;
  readonly severity: Severity;
  readonly riskFloor: number;
}
