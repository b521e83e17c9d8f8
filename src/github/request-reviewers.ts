import { httpStatus } from "../errors/http-status.ts";
import type { ReviewRequestPlan } from "../routing/plan-review-requests.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export interface RoutingOutcome {
  requested: { reviewer: string; reason: string }[];
  skipped: { reviewer: string; reason: string }[];
  /** Reviewers GitHub refused (no such team, not visible to the app, not a collaborator). */
  failed: { reviewer: string; reason: string }[];
}

/**
 * Requests the planned reviews. GitHub rejects the whole request (422) if one team or user is
 * invalid, so on failure each reviewer is retried alone: one typo in config must not stop the
 * others from being asked, and is reported instead of crashing the triage.
 */
export async function requestReviewers(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  plan: ReviewRequestPlan,
): Promise<RoutingOutcome> {
  const outcome: RoutingOutcome = { requested: [], skipped: [...plan.skipped], failed: [] };
  if (plan.users.length === 0 && plan.teams.length === 0) return outcome;
  const reasonOf = (reviewer: string) => plan.reasons.find((r) => r.reviewer === reviewer)?.reason ?? "";
  try {
    await octokit.rest.pulls.requestReviewers({
      ...repo,
      pull_number: pullNumber,
      reviewers: plan.users,
      team_reviewers: plan.teams,
    });
    outcome.requested.push(...plan.reasons);
    return outcome;
  } catch (error) {
    if (!isClientError(error)) throw error;
  }
  const one = async (reviewer: string, body: { reviewers?: string[]; team_reviewers?: string[] }) => {
    try {
      await octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pullNumber, ...body });
      outcome.requested.push({ reviewer, reason: reasonOf(reviewer) });
    } catch (error) {
      if (!isClientError(error)) throw error;
      outcome.failed.push({ reviewer, reason: explain(error, reviewer) });
    }
  };
  for (const user of plan.users) await one(`@${user}`, { reviewers: [user] });
  for (const team of plan.teams) await one(`team ${team}`, { team_reviewers: [team] });
  return outcome;
}

function isClientError(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 422 || status === 404 || status === 403;
}

function explain(error: unknown, reviewer: string): string {
  const message =
    (error as { response?: { data?: { message?: string } } }).response?.data?.message ?? String(error);
  const fix = reviewer.startsWith("team ")
    ? "check the team slug in .github/pr-triage.yml, that the team has access to this repository, and that the app has the members:read permission"
    : "check the login in .github/pr-triage.yml and that the user is a collaborator on this repository";
  return `GitHub refused the request (${message}); ${fix}.`;
}
