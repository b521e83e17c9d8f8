import type { RoutingOutcome } from "../github/request-reviewers.ts";
import type { PublishOutcome } from "./publish-outcome.ts";
import type { TriageResult } from "./triage-result.ts";

/** The outcome of posting `result` exactly as planned: what the CLI shows, and what a dry run would post. */
export function plannedOutcome(result: TriageResult, routing: RoutingOutcome | null = null): PublishOutcome {
  return { inline: result.inline, summaryOnly: result.summaryOnly, routing };
}
