import type { AnalyzerInput } from "../analyzers/analyzer.ts";
import { runAnalyzers } from "../analyzers/run-analyzers.ts";
import { secretValues } from "../analyzers/secrets/find-secret-values.ts";
import { scanSecrets } from "../analyzers/secrets/scan-secrets.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { filterFiles } from "../diff/filter-files.ts";
import type { Finding } from "../findings/finding.ts";
import type { ReviewScope } from "../incremental/plan-review-scope.ts";
import { selectChangedHunks } from "../incremental/select-changed-hunks.ts";
import { filePriority } from "../llm/file-priority.ts";
import { type PackResult, packChunks } from "../llm/pack-chunks.ts";
import { redactDiffFiles } from "../redaction/redact-diff-files.ts";

export interface PreparedTriage {
  analyzerFindings: Finding[];
  /** Raw secret values found in added lines: only for redaction, never logged or posted. */
  secrets: string[];
  /** Chunks for the LLM, rendered from the diff with every secret's range already blanked out. */
  pack: PackResult;
  /** Files the LLM will not see, and why (ignored, binary, too large, over budget). */
  analyzersOnly: { path: string; reason: string }[];
  /** Incremental review: reviewable files not re-sent, because the AI reviewed them at an earlier head. */
  earlierReviewed?: string[];
  /** The reviewable files as packed for the LLM (redacted; narrowed to the changed hunks when incremental). */
  sent?: DiffFile[];
}

/**
 * Pure: scans the PR for secrets once, runs the analyzers on every file (ignored ones too: a
 * lockfile is a supply-chain signal) on that scan, and packs the reviewable files for the LLM
 * within `diffTokenBudget` tokens per request, with the secrets' character ranges redacted.
 * The redaction list comes from here and nowhere else, so no caller can forget or replace it.
 */
export async function prepareTriage(
  input: AnalyzerInput,
  diffTokenBudget: number,
  scope: ReviewScope = { mode: "full", reason: "" },
): Promise<PreparedTriage> {
  const secretHits = await scanSecrets(input.files);
  const analyzerFindings = await runAnalyzers({ ...input, secretHits });
  const spans = secretHits.flatMap((hit) => hit.segments.map((segment) => ({ path: hit.path, ...segment })));
  const filtered = filterFiles(redactDiffFiles(input.files, spans), input.config.ignore.paths);
  const { ignored } = filtered;
  // The analyzers always see everything; an incremental review narrows only what the LLM gets.
  const reviewable =
    scope.mode === "full"
      ? filtered.reviewable
      : selectChangedHunks(filtered.reviewable, scope.changed, scope.unreviewed);
  const resent = new Set(reviewable.map((file) => file.path));
  const sensitiveGlobs = input.config.risk.sensitivePaths.map((rule) => rule.pattern);
  const pack = packChunks(
    reviewable.map((file) => ({ file, priority: filePriority(file, sensitiveGlobs) })),
    diffTokenBudget,
    input.config.llm.maxChunks,
  );
  return {
    analyzerFindings,
    secrets: secretValues(secretHits),
    pack,
    analyzersOnly: [...ignored.map(({ file, reason }) => ({ path: file.path, reason })), ...pack.skipped],
    sent: reviewable,
    earlierReviewed: filtered.reviewable.map((file) => file.path).filter((path) => !resent.has(path)),
  };
}
