import type { RoutingOutcome } from "../github/request-reviewers.ts";
import type { InlineFinding, SummaryOnlyFinding } from "./triage-result.ts";

/**
 * What publishing a `TriageResult` did: the inline comments GitHub took (the ones it refused
 * join `summaryOnly`), and whom it asked to review. The summary and analytics read this, not
 * the result, so they report what was posted rather than what was planned.
 */
export interface PublishOutcome {
  readonly inline: readonly InlineFinding[];
  readonly summaryOnly: readonly SummaryOnlyFinding[];
  /** Null when no reviewers were planned (nothing published yet). */
  readonly routing: RoutingOutcome | null;
}
