import type { AnalyzerInput } from "../analyzers/analyzer.ts";
import { findSecretValues } from "../analyzers/find-secret-values.ts";
import { runAnalyzers } from "../analyzers/registry.ts";
import { filterFiles } from "../diff/filter-files.ts";
import type { Finding } from "../findings/finding.ts";
import { filePriority } from "../llm/file-priority.ts";
import { type PackResult, packChunks } from "../llm/pack-chunks.ts";

export interface PreparedTriage {
  analyzerFindings: Finding[];
  /** Raw secret values found in added lines: only for redaction, never logged or posted. */
  secrets: string[];
  pack: PackResult;
  /** Files the LLM will not see, and why (ignored, binary, too large, over budget). */
  analyzersOnly: { path: string; reason: string }[];
}

/**
 * Pure: runs the analyzers on every file (ignored ones too: a lockfile is a supply-chain signal)
 * and packs the reviewable ones for the LLM within `diffTokenBudget` tokens per request.
 */
export async function prepareTriage(input: AnalyzerInput, diffTokenBudget: number): Promise<PreparedTriage> {
  const [analyzerFindings, secrets] = await Promise.all([runAnalyzers(input), findSecretValues(input.files)]);
  const { reviewable, ignored } = filterFiles(input.files, input.config.ignore.paths);
  const sensitiveGlobs = input.config.risk.sensitivePaths.map((rule) => rule.pattern);
  const pack = packChunks(
    reviewable.map((file) => ({ file, priority: filePriority(file, sensitiveGlobs) })),
    diffTokenBudget,
    input.config.llm.maxChunks,
  );
  return {
    analyzerFindings,
    secrets,
    pack,
    analyzersOnly: [...ignored.map(({ file, reason }) => ({ path: file.path, reason })), ...pack.skipped],
  };
}
