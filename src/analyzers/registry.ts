import type { Finding } from "../findings/finding.ts";
import type { Analyzer, AnalyzerInput } from "./analyzer.ts";
import { sensitivePaths } from "./sensitive-paths.ts";

/** Every deterministic analyzer, in the order their findings are listed. */
export const ANALYZERS: readonly Analyzer[] = [sensitivePaths];

/** Runs every analyzer. One analyzer's bug must not hide the others' findings, so each is isolated. */
export function runAnalyzers(input: AnalyzerInput, analyzers: readonly Analyzer[] = ANALYZERS): Finding[] {
  const findings: Finding[] = [];
  for (const analyzer of analyzers) {
    try {
      findings.push(...analyzer.run(input));
    } catch (error) {
      findings.push({
        ruleId: `${analyzer.id}/crashed`,
        source: "analyzer",
        severity: "medium",
        category: "internal",
        title: `Analyzer "${analyzer.id}" failed`,
        message: `This check could not run (${error instanceof Error ? error.message : String(error)}), so a human should review what it covers.`,
        path: null,
        line: null,
        startLine: null,
        side: "RIGHT",
        confidence: 1,
        riskFloor: 30,
        policy: null,
      });
    }
  }
  return findings;
}
