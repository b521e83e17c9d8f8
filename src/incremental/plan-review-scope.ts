import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import type { SummaryState } from "../render/summary-state.ts";
import { carryForwardFindings } from "./carry-forward-findings.ts";
import { type ChangedLines, changedLines } from "./changed-lines.ts";

/** How the new head relates to the last triaged one, as GitHub's compare API reports it. */
export interface HeadComparison {
  /** `ahead`: the last head is an ancestor; `diverged`/`behind`: history was rewritten. */
  status: "ahead" | "behind" | "diverged" | "identical";
  /** The changed files, or `null` when GitHub could not list them all (300-file cap). */
  files: DiffFile[] | null;
}

/** Compares `since...head`; `null` when the old head cannot be compared (gone, or no access). */
export type CompareHeads = (since: string) => Promise<HeadComparison | null>;

export type ReviewScope =
  | { mode: "full"; reason: string }
  | {
      mode: "incremental";
      since: string;
      changed: ReadonlyMap<string, ChangedLines>;
      unreviewed: ReadonlySet<string>;
      /** Earlier AI findings on unchanged code, re-anchored to the new diff. */
      carried: Finding[];
    };

/**
 * Decides what the AI reviews on this push. Only when the last triage's AI review was complete,
 * on the same base branch, and its head is an ancestor of the new one, is the review narrowed to
 * the hunks that changed since; a force-push, a retarget, a re-run on the same head or anything
 * unreadable gets a full review. `compare` is called at most once, and only when it can help.
 */
export async function planReviewScope(
  previous: SummaryState | null,
  current: { headSha: string; baseRef: string },
  files: readonly DiffFile[],
  compare: CompareHeads,
): Promise<ReviewScope> {
  if (!previous) return { mode: "full", reason: "first triage" };
  const since = previous.headSha.slice(0, 7);
  if (!previous.ai) return full(`the triage of ${since} has no complete AI review to build on`);
  if (previous.headSha === current.headSha) return full(`re-run on the same head ${since}`);
  if (previous.baseRef !== undefined && previous.baseRef !== current.baseRef)
    return full(`the base branch changed from ${previous.baseRef} to ${current.baseRef}`);
  const comparison = await compare(previous.headSha);
  if (comparison === null) return full(`${since} could not be compared with the new head`);
  if (comparison.status !== "ahead")
    return full(`history was rewritten: ${since} is not an ancestor of the new head (${comparison.status})`);
  if (comparison.files === null) return full(`GitHub could not list every file changed since ${since}`);
  return {
    mode: "incremental",
    since: previous.headSha,
    changed: changedLines(comparison.files),
    unreviewed: new Set(previous.ai.unreviewed),
    carried: carryForwardFindings(previous.ai.findings, files, comparison.files),
  };
}

function full(reason: string): ReviewScope {
  return { mode: "full", reason };
}
