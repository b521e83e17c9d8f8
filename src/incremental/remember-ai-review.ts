import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import { lineContent } from "../review/line-content.ts";
import type { LlmOutcome } from "../review/triage-result.ts";
import type { AiReviewState, CarriedFinding } from "./ai-review-state.ts";
import { codeHash } from "./code-hash.ts";

/**
 * The state lives in the summary comment (65,536 characters in all): past these caps the review
 * is not recorded, and the next push is reviewed in full rather than losing a finding.
 */
const MAX_FINDINGS = 30;
const MAX_UNREVIEWED = 200;
const MAX_TITLE_CHARS = 200;
const MAX_MESSAGE_CHARS = 400;

/**
 * What the next push needs to review incrementally: the AI findings (already redacted by the
 * caller) with the code line each points at, and the files the AI did not see. Only a review
 * that ran to the end is recorded; a failed or skipped one makes the next push a full review.
 */
export function rememberAiReview(
  llm: LlmOutcome,
  findings: readonly Finding[],
  files: ReadonlyMap<string, DiffFile>,
  unreviewed: readonly string[],
): AiReviewState | undefined {
  if (llm.mode !== "ok" && llm.mode !== "nothing-to-review") return undefined;
  const ai = findings.filter((finding) => finding.source === "llm");
  const paths = [...new Set(unreviewed)];
  if (ai.length > MAX_FINDINGS || paths.length > MAX_UNREVIEWED) return undefined;
  return { unreviewed: paths, findings: ai.map((finding) => compact(finding, files)) };
}

function compact(finding: Finding, files: ReadonlyMap<string, DiffFile>): CarriedFinding {
  const code =
    finding.path !== null && finding.line !== null
      ? codeHash(lineContent(files.get(finding.path), finding.line, finding.side))
      : "";
  return {
    path: finding.path,
    line: finding.line,
    startLine: finding.startLine,
    side: finding.side,
    code,
    severity: finding.severity,
    category: finding.category,
    title: cut(finding.title, MAX_TITLE_CHARS),
    message: cut(finding.message, MAX_MESSAGE_CHARS),
    confidence: finding.confidence,
    policy: finding.policy,
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
