import { errorMessage } from "../errors/error-message.ts";
import type { Finding } from "../findings/finding.ts";
import { agentConfig } from "./agent-config.ts";
import { agentProvenance } from "./agent-provenance.ts";
import type { Analyzer, AnalyzerInput } from "./analyzer.ts";
import { ciWorkflows } from "./ci-workflows.ts";
import { dependencies } from "./dependencies.ts";
import { hiddenUnicode } from "./hidden-unicode.ts";
import { infraChanges } from "./infra-changes.ts";
import { mcpConfig } from "./mcp-config.ts";
import { missingTests } from "./missing-tests.ts";
import { npmrc } from "./npmrc.ts";
import { policyChange } from "./policy-change.ts";
import { promptInjection } from "./prompt-injection.ts";
import { secrets } from "./secrets.ts";
import { sensitivePaths } from "./sensitive-paths.ts";
import { sizeChurn } from "./size-churn.ts";

/** Every deterministic analyzer, in the order their findings are listed: most dangerous first. */
export const ANALYZERS: readonly Analyzer[] = [
  secrets,
  hiddenUnicode,
  promptInjection,
  agentConfig,
  policyChange,
  mcpConfig,
  ciWorkflows,
  dependencies,
  npmrc,
  infraChanges,
  sensitivePaths,
  sizeChurn,
  missingTests,
  agentProvenance,
];

/**
 * Runs every analyzer. One analyzer's bug must not hide the others' findings, so each is
 * isolated: a throw (or a rejected promise) becomes a finding that asks for a human instead.
 */
export async function runAnalyzers(
  input: AnalyzerInput,
  analyzers: readonly Analyzer[] = ANALYZERS,
): Promise<Finding[]> {
  const results = await Promise.all(
    analyzers.map(async (analyzer) => {
      try {
        return await analyzer.run(input);
      } catch (error) {
        return [crashFinding(analyzer.id, error)];
      }
    }),
  );
  return results.flat();
}

function crashFinding(id: string, error: unknown): Finding {
  return {
    ruleId: `${id}/crashed`,
    source: "analyzer",
    severity: "medium",
    category: "internal",
    title: `Analyzer "${id}" failed`,
    message: `This check could not run (${errorMessage(error)}), so a human should review what it covers.`,
    path: null,
    line: null,
    startLine: null,
    side: "RIGHT",
    confidence: 1,
    riskFloor: 30,
    policy: null,
  };
}
