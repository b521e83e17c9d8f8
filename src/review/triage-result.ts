import type { Anchor } from "../anchor/anchor-finding.ts";
import type { SuggestionCheck } from "../anchor/check-suggestion.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import type { PolicySelection } from "../config/select-policies.ts";
import type { Finding } from "../findings/finding.ts";
import type { RoutingOutcome } from "../github/request-reviewers.ts";
import type { LlmRunFacts, LlmUsage } from "../llm/review-with-llm.ts";
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
  totalFiles: number;
  /** Files past GitHub's 3,000-file listing cap: nobody, not even the analyzers, saw them. */
  notListed: number;
  llmReviewed: string[];
  /** Files seen only by the deterministic analyzers, and why. */
  analyzersOnly: { path: string; reason: string }[];
  /** How much of the PR this push sent to the AI: in full, or only what changed since `since`. */
  scope?: ReviewScopeNote;
}

export type ReviewScopeNote =
  | { mode: "full"; reason: string }
  | { mode: "incremental"; since: string; carried: number };

/** Everything the publish step needs, computed without I/O. */
export interface TriageResult {
  headSha: string;
  risk: RiskScore;
  findings: Finding[];
  /** `suggestion`: whether the finding's replacement can be a one-click fix (when it has one). */
  inline: { finding: Finding; anchor: Anchor; suggestion?: SuggestionCheck }[];
  /** Findings not posted inline, each with the reason, so nothing is lost. */
  summaryOnly: { finding: Finding; reason: string }[];
  coverage: Coverage;
  llm: LlmOutcome;
  configProblems: ConfigProblem[];
  /** Identity of each finding across pushes (see fingerprint.ts). */
  fingerprints: Map<Finding, string>;
  /** What the summary remembers for the next push, and what changed since the last one. */
  state: SummaryState;
  delta: FindingDelta | null;
  /** Findings someone said are not a problem (this PR's `/triage ignore`, or the repo config). */
  ignored: IgnoredFinding[];
  /** Filled in by the publish step once reviewers have been requested. */
  routing: RoutingOutcome | null;
  policies: PolicySelection | null;
  /** What changed, where to look first, and the review effort: the top of the summary. */
  guide: ReviewGuide;
}
