import type { RiskLevel } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import { redactText } from "../redaction/redact-text.ts";
import { estimateReviewEffort, type ReviewEffort } from "./estimate-review-effort.ts";
import { type ReviewHotspot, rankReviewFiles } from "./rank-review-files.ts";

/** The top of the summary: what changed, where to look first, and how long it takes. */
export interface ReviewGuide {
  /** From the LLM's `what_changed`; null when no AI review ran. Never written by us. */
  whatChanged: string[] | null;
  hotspots: ReviewHotspot[];
  effort: ReviewEffort;
}

/** "What changed" holds three to six lines; a model that writes more is cut, not summarized. */
export const MAX_WHAT_CHANGED_LINES = 6;
const MAX_LINE_CHARS = 200;

export interface ReviewGuideInput {
  files: readonly DiffFile[];
  findings: readonly Finding[];
  risk: RiskLevel;
  /** The model's lines (all chunks), or null when there was no successful AI review. */
  whatChanged: readonly string[] | null;
  /** Secret values to mask: the model may echo what it saw. */
  secrets: readonly string[];
}

/** Pure. Model text is redacted here and sanitized when rendered, like every other model text. */
export function buildReviewGuide(input: ReviewGuideInput): ReviewGuide {
  const lines = (input.whatChanged ?? [])
    .map((line) => redactText(line.replace(/\s+/g, " ").trim(), input.secrets))
    .filter((line, index, all) => line !== "" && all.indexOf(line) === index)
    .slice(0, MAX_WHAT_CHANGED_LINES)
    .map((line) => (line.length <= MAX_LINE_CHARS ? line : `${line.slice(0, MAX_LINE_CHARS - 2)} …`));
  return {
    whatChanged: input.whatChanged === null || lines.length === 0 ? null : lines,
    hotspots: rankReviewFiles(input.files, input.findings),
    effort: estimateReviewEffort(input.files, input.risk),
  };
}
