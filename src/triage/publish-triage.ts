import type { Logger } from "probot";
import type { TriageConfig } from "../config/config-schema.ts";
import { type AppIdentity, isAppAuthored } from "../github/app-identity.ts";
import type { SummaryComment } from "../github/find-summary-comment.ts";
import type { Octokit, RepoRef } from "../github/octokit.ts";
import { publishReview } from "../github/publish-review.ts";
import { requestReviewers } from "../github/request-reviewers.ts";
import { syncRiskLabel } from "../github/sync-risk-label.ts";
import { upsertSummaryComment } from "../github/upsert-summary-comment.ts";
import { renderInlineComment } from "../render/render-inline-comment.ts";
import { renderSummary } from "../render/render-summary.ts";
import type { PublishOutcome } from "../review/publish-outcome.ts";
import type { TriageResult } from "../review/triage-result.ts";
import { planReviewRequests } from "../routing/plan-review-requests.ts";

export interface PublishTarget {
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  author: string;
  labels: readonly string[];
  requestedUsers: readonly string[];
  requestedTeams: readonly string[];
  repoUrl: string;
  webHost: string;
  previousSummary: SummaryComment | null;
  codeOwners?: readonly string[];
  /** Only this app's reviews carry a marker that counts. */
  identity: AppIdentity;
}

/** What publishing did, and the summary it posted (the check run carries it too). */
export interface PublishedTriage {
  outcome: PublishOutcome;
  summary: string;
}

/**
 * Step 8, in the order that loses least if it is interrupted: the review (idempotent per head
 * SHA), reviewers, the summary (which records routing and any comment GitHub refused), the
 * label. The result stays as the core returned it; what GitHub did is the returned outcome.
 */
export async function publishTriage(
  octokit: Octokit,
  target: PublishTarget,
  result: TriageResult,
  config: TriageConfig,
  log: Pick<Logger, "info">,
): Promise<PublishedTriage> {
  const { repo, pullNumber } = target;
  // Read once: the marker check needs them, and so does routing (who already reviewed).
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const review = await publishReview(
    octokit,
    repo,
    pullNumber,
    target.headSha,
    `PR Triage: **${result.risk.level}** risk (${result.risk.score}/100). Details are in the summary comment.`,
    result.inline.map(({ finding, anchor, suggestion }) => ({
      finding,
      path: anchor.path,
      line: anchor.line,
      side: anchor.side,
      startLine: anchor.startLine,
      body: renderInlineComment(
        finding,
        anchor,
        target.webHost,
        result.fingerprints.get(finding) ?? "",
        suggestion,
      ),
    })),
    reviews.filter((r) => isAppAuthored(r, target.identity)),
  );
  // A comment GitHub refused is not lost: the summary lists it, with why.
  const rejected = new Set(review.status === "posted" ? review.rejected.map((r) => r.finding) : []);
  const inline = result.inline.filter((i) => !rejected.has(i.finding));
  const summaryOnly = [
    ...result.summaryOnly,
    ...[...rejected].map((finding) => ({ finding, reason: "GitHub rejected the inline comment" })),
  ];

  const plan = planReviewRequests({
    level: result.risk.level,
    routing: config.routing,
    author: target.author,
    requestedUsers: target.requestedUsers,
    requestedTeams: target.requestedTeams,
    reviewedBy: reviews.flatMap((r) => (r.user && r.user.type !== "Bot" ? [r.user.login] : [])),
    ...(target.codeOwners ? { codeOwners: target.codeOwners } : {}),
  });
  const routing = await requestReviewers(octokit, repo, pullNumber, plan);
  const outcome: PublishOutcome = { inline, summaryOnly, routing };

  const summary = renderSummary(result, outcome, {
    repoUrl: target.repoUrl,
    host: target.webHost,
    pullNumber,
  });
  const comment = await upsertSummaryComment(octokit, repo, pullNumber, target.previousSummary, summary);
  const label = config.labels
    ? await syncRiskLabel(octokit, repo, pullNumber, target.labels, result.risk.level)
    : { added: null, removed: [] };
  log.info(
    {
      review: review.status,
      inline: inline.length,
      requested: routing.requested.map((r) => r.reviewer),
      routingFailed: routing.failed.map((r) => r.reviewer),
      summary: comment.action,
      label,
    },
    "triage published",
  );
  return { outcome, summary };
}
