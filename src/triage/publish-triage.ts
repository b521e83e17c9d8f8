import type { Logger } from "probot";
import type { TriageConfig } from "../config/config-schema.ts";
import { type AppIdentity, isAppAuthored } from "../github/app-identity.ts";
import type { Octokit, RepoRef } from "../github/octokit.ts";
import { publishReview } from "../github/publish-review.ts";
import { requestReviewers } from "../github/request-reviewers.ts";
import { syncRiskLabel } from "../github/sync-risk-label.ts";
import { type SummaryComment, upsertSummaryComment } from "../github/upsert-summary-comment.ts";
import { renderInlineComment } from "../render/render-inline-comment.ts";
import { renderSummary } from "../render/render-summary.ts";
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

/**
 * Step 8, in the order that loses least if it is interrupted: the review (idempotent per head
 * SHA), reviewers, the summary (which records routing and any comment GitHub refused), the
 * label. Returns the summary so the check run can carry it.
 */
export async function publishTriage(
  octokit: Octokit,
  target: PublishTarget,
  result: TriageResult,
  config: TriageConfig,
  log: Pick<Logger, "info">,
): Promise<string> {
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
  if (review.status === "posted" && review.rejected.length > 0) {
    const rejected = new Set(review.rejected.map((r) => r.finding));
    result.inline = result.inline.filter((i) => !rejected.has(i.finding));
    result.summaryOnly.push(
      ...review.rejected.map((r) => ({ finding: r.finding, reason: "GitHub rejected the inline comment" })),
    );
  }

  const plan = planReviewRequests({
    level: result.risk.level,
    routing: config.routing,
    author: target.author,
    requestedUsers: target.requestedUsers,
    requestedTeams: target.requestedTeams,
    reviewedBy: reviews.flatMap((r) => (r.user && r.user.type !== "Bot" ? [r.user.login] : [])),
    ...(target.codeOwners ? { codeOwners: target.codeOwners } : {}),
  });
  result.routing = await requestReviewers(octokit, repo, pullNumber, plan);

  const summary = renderSummary(result, {
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
      inline: result.inline.length,
      requested: result.routing.requested.map((r) => r.reviewer),
      routingFailed: result.routing.failed.map((r) => r.reviewer),
      summary: comment.action,
      label,
    },
    "triage published",
  );
  return summary;
}
