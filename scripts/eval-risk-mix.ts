import type { AnalyzerInput } from "../src/analyzers/analyzer.ts";
import { ANALYZERS, runAnalyzers } from "../src/analyzers/run-analyzers.ts";
import { defaultConfig, type RiskLevel } from "../src/config/config-schema.ts";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { scoreRisk } from "../src/risk/score-risk.ts";
import { type CorpusPr, corpusContents } from "./corpus-contents.ts";
import type { EvalReport } from "./eval-report.ts";

/**
 * The same section run on d9d9877, before the calibrated score (uncapped sum of severity points,
 * size counted by the floor, the sum and a separate size bonus; test keys at 60/high). Kept as a
 * constant because that scorer is gone. Its high ones: express-3390 and express-3730 (a test key
 * under examples/), express-6706 (size three times plus two Dockerfiles), express-4046.
 */
const BEFORE: Record<RiskLevel, number> = { low: 192, medium: 38, high: 4, critical: 2 };

/** The risk-level mix of the 236 corpus PRs as the app would score them without an LLM. */
export async function evalRiskMix(
  prs: readonly { pr: CorpusPr; files: DiffFile[] }[],
  report: EvalReport,
): Promise<void> {
  report.heading(`Risk level per PR, analyzers only (${prs.length} corpus PRs)`);
  const config = defaultConfig();
  const mix: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const notLow: string[] = [];
  for (const { pr, files } of prs) {
    const input: AnalyzerInput = {
      files,
      contents: corpusContents(pr, files).contents,
      config,
      pr: { author: "contributor", authorType: "User", headRef: "patch-1", title: "", body: "" },
    };
    const findings = await runAnalyzers(input, ANALYZERS);
    const risk = scoreRisk({
      findings,
      files,
      llmUnavailable: false,
      thresholds: config.risk.thresholds,
    });
    mix[risk.level]++;
    if (risk.level === "high" || risk.level === "critical")
      notLow.push(`${pr.file.replace(/\.diff$/, "")} ${risk.score}/${risk.level}`);
  }
  const line = (m: Record<RiskLevel, number>) =>
    `low ${m.low}, medium ${m.medium}, high ${m.high}, critical ${m.critical}`;
  report.row("before (uncapped sum, size counted thrice)", line(BEFORE));
  report.row("after (calibrated)", line(mix));
  for (const entry of notLow) report.row("  high or critical", entry);
}
