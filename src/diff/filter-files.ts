import type { DiffFile } from "./diff-model.ts";
import { generatedReason } from "./generated-reason.ts";

export interface FilterResult {
  reviewable: DiffFile[];
  ignored: { file: DiffFile; reason: string }[];
}

/**
 * Splits files into those the LLM reviews and those it skips, each skip with the reason the
 * summary's coverage section shows: generated or ignored (`generatedReason`, the definition
 * size and missing-tests share), else nothing to read (binary, deleted, no patch).
 */
export function filterFiles(files: readonly DiffFile[], userIgnores: readonly string[]): FilterResult {
  const result: FilterResult = { reviewable: [], ignored: [] };
  for (const file of files) {
    const reason = generatedReason(file, userIgnores) ?? unreviewableReason(file);
    if (reason === null) result.reviewable.push(file);
    else result.ignored.push({ file, reason });
  }
  return result;
}

/** Why a file has nothing for the LLM to read, or `null` when it has lines to review. */
function unreviewableReason(file: DiffFile): string | null {
  if (file.binary) return file.patchMissingReason ?? "binary file";
  if (file.status === "removed") return "deleted file";
  if (file.patchMissing) return file.patchMissingReason ?? "GitHub sent no patch (too large)";
  if (file.hunks.length > 0) return null;
  if (file.status === "renamed" || file.status === "copied") return `${file.status} without changes`;
  if (file.oldMode !== null && file.newMode !== null && file.oldMode !== file.newMode) {
    return `mode change only (${file.oldMode} → ${file.newMode})`;
  }
  return "no changed lines (empty file)";
}
