import type { AnalyzerRule } from "./analyzer-rule.ts";

/**
 * What an analyzer that threw reports instead of its findings (`runAnalyzers`). The id names the
 * analyzer (`secrets/crashed`), so `<analyzer>` stands for it here; the floor keeps the PR at
 * medium, because whatever that check covers went unchecked.
 */
export const ANALYZER_CRASHED_RULE = {
  id: "<analyzer>/crashed",
  category: "internal",
  severity: "medium",
  riskFloor: 30,
  title: "Analyzer failed",
  why: "This check could not run, so a human should review what it covers.",
  fix: "Review what the analyzer checks by hand; the error in the message says why it failed.",
} as const satisfies AnalyzerRule;
