import type { RiskLevel, TriageConfig } from "../config/config-schema.ts";

export interface ReviewRequestPlan {
  users: string[];
  teams: string[];
  /** Why each reviewer is asked, for the summary. */
  reasons: { reviewer: string; reason: string }[];
  /** Reviewers not asked, and why (author, already requested, already reviewed). */
  skipped: { reviewer: string; reason: string }[];
}

export interface RoutingState {
  level: RiskLevel;
  routing: TriageConfig["routing"];
  author: string;
  requestedUsers: readonly string[];
  requestedTeams: readonly string[];
  reviewedBy: readonly string[];
  /** CODEOWNERS of the files that drove the risk, when routing to code owners is on. */
  codeOwners?: readonly string[];
}

const ESCALATION: Record<RiskLevel, readonly ("medium" | "high" | "critical")[]> = {
  low: [],
  medium: ["medium"],
  high: ["high"],
  // A critical PR also needs the reviewers of high-risk ones: escalation adds people, never swaps them.
  critical: ["high", "critical"],
};

/**
 * Decides whose review to request. Only config (from the base branch) and CODEOWNERS choose
 * reviewers, never model output. The author is never asked, nor anyone already requested or
 * who has already reviewed; nobody is ever un-requested.
 */
export function planReviewRequests(state: RoutingState): ReviewRequestPlan {
  const plan: ReviewRequestPlan = { users: [], teams: [], reasons: [], skipped: [] };
  const lower = (s: string) => s.toLowerCase();
  const requestedUsers = new Set(state.requestedUsers.map(lower));
  const requestedTeams = new Set(state.requestedTeams.map(lower));
  const reviewed = new Set(state.reviewedBy.map(lower));
  const addUser = (login: string, reason: string) => {
    const key = lower(login.replace(/^@/, ""));
    const name = login.replace(/^@/, "");
    if (plan.users.some((u) => lower(u) === key) || plan.skipped.some((s) => lower(s.reviewer) === `@${key}`))
      return;
    if (key === lower(state.author)) plan.skipped.push({ reviewer: `@${name}`, reason: "author of the PR" });
    else if (requestedUsers.has(key))
      plan.skipped.push({ reviewer: `@${name}`, reason: "already requested" });
    else if (reviewed.has(key)) plan.skipped.push({ reviewer: `@${name}`, reason: "already reviewed" });
    else {
      plan.users.push(name);
      plan.reasons.push({ reviewer: `@${name}`, reason });
    }
  };
  const addTeam = (slug: string, reason: string) => {
    const key = lower(slug);
    if (plan.teams.some((t) => lower(t) === key)) return;
    if (requestedTeams.has(key)) plan.skipped.push({ reviewer: `team ${slug}`, reason: "already requested" });
    else {
      plan.teams.push(slug);
      plan.reasons.push({ reviewer: `team ${slug}`, reason });
    }
  };
  for (const level of ESCALATION[state.level]) {
    const reason = `routing.${level} (PR is ${state.level} risk)`;
    for (const team of state.routing[level].teams) addTeam(team, reason);
    for (const user of state.routing[level].users) addUser(user, reason);
  }
  if (state.level === "high" || state.level === "critical") {
    for (const owner of state.codeOwners ?? []) {
      // CODEOWNERS lists `@org/team` for teams and `@login` for users.
      const team = /^@[^/]+\/(.+)$/.exec(owner);
      if (team?.[1]) addTeam(team[1], "code owner of a risky path");
      else if (owner.startsWith("@")) addUser(owner, "code owner of a risky path");
    }
  }
  return plan;
}
