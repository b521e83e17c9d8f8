import { errorMessage } from "../errors/error-message.ts";
import type { Finding } from "../findings/finding.ts";
import { agentConfig } from "./agent-config/agent-config.ts";
import type { Analyzer, AnalyzerInput } from "./analyzer.ts";
import { ANALYZER_CRASHED_RULE } from "./analyzer-crashed-rule.ts";
import { ciWorkflows } from "./ci-workflows/ci-workflows.ts";
import { dependencies } from "./dependencies/dependencies.ts";
import { hiddenUnicode } from "./hidden-unicode/hidden-unicode.ts";
import { infraChanges } from "./infra/infra-changes.ts";
import { mcpConfig } from "./mcp-config/mcp-config.ts";
import { npmrc } from "./npmrc/npmrc.ts";
import { policyChange } from "./policy-change/policy-change.ts";
import { agentProvenance } from "./pr-shape/agent-provenance.ts";
import { missingTests } from "./pr-shape/missing-tests.ts";
import { sensitivePaths } from "./pr-shape/sensitive-paths.ts";
import { sizeChurn } from "./pr-shape/size-churn.ts";
import { promptInjection } from "./prompt-injection/prompt-injection.ts";
import { ruleFinding } from "./rule-finding.ts";
import { secrets } from "./secrets/secrets.ts";

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
  return ruleFinding(
    { ...ANALYZER_CRASHED_RULE, id: `${id}/crashed` },
    {
      title: `Analyzer "${id}" failed`,
      message: `This check could not run (${errorMessage(error)}), so a human should review what it covers.`,
    },
  );
}
