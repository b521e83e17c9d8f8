import type { AnalyzerInput } from "../analyzers/analyzer.ts";
import { runAnalyzers } from "../analyzers/registry.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { filterFiles } from "../diff/filter-files.ts";
import { renderFileForModel } from "../diff/render-for-model.ts";
import type { Finding } from "../findings/finding.ts";
import { type PackResult, packChunks } from "../llm/pack-chunks.ts";

export interface PreparedTriage {
  analyzerFindings: Finding[];
  pack: PackResult;
  /** Files the LLM will not see, and why (ignored, binary, too large, over budget). */
  analyzersOnly: { path: string; reason: string }[];
}

const TEST_PATH = /(^|\/)(test|tests|__tests__|spec)\/|\.(test|spec)\.[a-z]+$/i;
const DOC_PATH = /\.(md|mdx|txt|rst|adoc)$|(^|\/)docs?\//i;

/** Pure: runs the analyzers on every file and packs the reviewable ones for the LLM. */
export function prepareTriage(input: AnalyzerInput, tokenBudget: number): PreparedTriage {
  const analyzerFindings = runAnalyzers(input);
  const { reviewable, ignored } = filterFiles(input.files, input.config.ignore);
  const pack = packChunks(
    reviewable.map((file) => ({
      path: file.path,
      rendered: renderFileForModel(file),
      priority: priority(file),
    })),
    tokenBudget,
    input.config.llm.maxChunks,
  );
  return {
    analyzerFindings,
    pack,
    analyzersOnly: [...ignored.map(({ file, reason }) => ({ path: file.path, reason })), ...pack.skipped],
  };
}

/** Source first, then tests, then docs: the order a reviewer with little time would read them. */
function priority(file: DiffFile): number {
  if (TEST_PATH.test(file.path)) return 2;
  if (DOC_PATH.test(file.path)) return 3;
  return 1;
}
