import type { Anchor } from "../anchor/anchor-finding.ts";
import type { SuggestionCheck } from "../anchor/check-suggestion.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import type { Finding } from "../findings/finding.ts";
import type { LlmRunFacts, LlmUsage } from "../llm/review-with-llm.ts";
import type { PolicySelection } from "../policies/select-policies.ts";
import type { FindingDelta, SummaryState } from "../render/summary-state.ts";
import type { RiskScore } from "../risk/score-risk.ts";
import type { IgnoredFinding } from "./apply-ignores.ts";
import type { ReviewGuide } from "./build-review-guide.ts";

export type LlmOutcome =
  | { mode: "no-key" }
  | { mode: "disabled-by-config" }
  | { mode: "nothing-to-review" }
  | { mode: "ok"; model: string; usage: LlmUsage; costUsd: number | null; facts?: LlmRunFacts }
  | {
      mode: "unavailable";
      model: string;
      reason: string;
      usage: LlmUsage;
      costUsd: number | null;
      facts?: LlmRunFacts;
    };

export interface Coverage {
  readonly totalFiles: number;
  /** Files past GitHub's 3,000-file listing cap: nobody, not even the analyzers, saw them. */
  readonly notListed: number;
  readonly llmReviewed: readonly string[];
  /** Files seen only by the deterministic analyzers, and why. */
  readonly analyzersOnly: readonly { readonly path: string; readonly reason: string }[];
  /** How much of the PR this push sent to the AI: in full, or only what changed since `since`. */
  readonly scope?: ReviewScopeNote;
}

export type ReviewScopeNote =
  | { readonly mode: "full"; readonly reason: string }
  | { readonly mode: "incremental"; readonly since: string; readonly carried: number };

/** A finding to post as an inline comment, where. */
export interface InlineFinding {
  readonly finding: Finding;
  readonly anchor: Anchor;
  /** Whether the finding's replacement can be a one-click fix (when it has one). */
  readonly suggestion?: SuggestionCheck;
}

/** A finding shown only in the summary, with the reason, so nothing is lost. */
export interface SummaryOnlyFinding {
  readonly finding: Finding;
  readonly reason: string;
}

/**
 * Everything the publish step needs, computed without I/O. Never changed after the core returns
 * it: what publishing did (comments GitHub refused, reviewers asked) is its `PublishOutcome`.
 */
export interface TriageResult {
  readonly headSha: string;
  readonly risk: RiskScore;
  readonly findings: readonly Finding[];
  /** The inline comments the core chose; publishing may post fewer (see `PublishOutcome`). */
  readonly inline: readonly InlineFinding[];
  /** Findings not chosen for an inline comment, each with the reason. */
  readonly summaryOnly: readonly SummaryOnlyFinding[];
  readonly coverage: Coverage;
  readonly llm: LlmOutcome;
  readonly configProblems: readonly ConfigProblem[];
  /** Identity of each finding across pushes (see fingerprint.ts). */
  readonly fingerprints: ReadonlyMap<Finding, string>;
  /** What the summary remembers for the next push, and what changed since the last one. */
  readonly state: SummaryState;
  readonly delta: FindingDelta | null;
  /** Findings someone said are not a problem (this PR's `/triage ignore`, or the repo config). */
  readonly ignored: readonly IgnoredFinding[];
  readonly policies: PolicySelection | null;
  /** What changed, where to look first, and the review effort: the top of the summary. */
  readonly guide: ReviewGuide;
}
