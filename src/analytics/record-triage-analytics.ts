import type { Logger } from "probot";
import type { AppIdentity } from "../github/app-identity.ts";
import { listCommentFeedback } from "../github/list-comment-feedback.ts";
import type { Octokit } from "../github/octokit.ts";
import type { PublishOutcome } from "../review/publish-outcome.ts";
import type { TriageResult } from "../review/triage-result.ts";
import type { AnalyticsStore } from "./analytics-store.ts";
import { toTriageRecord } from "./to-triage-record.ts";

/**
 * After a triage completed its check: records it, and polls the feedback on the app's earlier
 * inline comments. Analytics is best effort: a failure is logged and the triage stands.
 */
export async function recordTriageAnalytics(
  deps: { octokit: Octokit; store: AnalyticsStore; log: Pick<Logger, "warn">; identity: AppIdentity },
  job: { deliveryId: string; owner: string; repo: string; pullNumber: number; eventAt: number },
  result: TriageResult,
  outcome: PublishOutcome,
): Promise<void> {
  const now = Date.now();
  try {
    await deps.store.recordTriage(
      toTriageRecord(job, result, outcome, { eventAt: job.eventAt, completedAt: now }),
    );
    const feedback = await listCommentFeedback(deps.octokit, job, job.pullNumber, now, deps.identity);
    await deps.store.recordFeedback(feedback);
  } catch (error) {
    deps.log.warn({ err: error }, "could not record triage analytics; the triage itself is done");
  }
}
