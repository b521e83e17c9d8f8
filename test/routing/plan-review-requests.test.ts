import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { planReviewRequests } from "../../src/routing/plan-review-requests.ts";

const routing = {
  ...defaultConfig().routing,
  high: { teams: ["senior-reviewers"], users: ["alice", "bob"] },
  critical: { teams: ["security"], users: ["carol"] },
};
const base = { routing, author: "bob", requestedUsers: [], requestedTeams: [], reviewedBy: [] };

describe("planReviewRequests", () => {
  it("requests nobody for low risk, or for levels without routing", () => {
    expect(planReviewRequests({ ...base, level: "low" })).toMatchObject({ users: [], teams: [] });
    expect(planReviewRequests({ ...base, level: "medium" })).toMatchObject({ users: [], teams: [] });
  });

  it("routes high to routing.high, never to the author", () => {
    const plan = planReviewRequests({ ...base, level: "high" });
    expect(plan.users).toEqual(["alice"]);
    expect(plan.teams).toEqual(["senior-reviewers"]);
    expect(plan.skipped).toEqual([{ reviewer: "@bob", reason: "author of the PR" }]);
    expect(plan.reasons).toContainEqual({ reviewer: "@alice", reason: "routing.high (PR is high risk)" });
  });

  it("routes critical to both the high and the critical reviewers", () => {
    const plan = planReviewRequests({ ...base, level: "critical" });
    expect(plan.users).toEqual(["alice", "carol"]);
    expect(plan.teams).toEqual(["senior-reviewers", "security"]);
  });

  it("does not re-request someone already requested or who already reviewed (case-insensitive)", () => {
    const plan = planReviewRequests({
      ...base,
      level: "critical",
      requestedUsers: ["ALICE"],
      requestedTeams: ["security"],
      reviewedBy: ["carol"],
    });
    expect(plan.users).toEqual([]);
    expect(plan.teams).toEqual(["senior-reviewers"]);
    expect(plan.skipped).toEqual(
      expect.arrayContaining([
        { reviewer: "@alice", reason: "already requested" },
        { reviewer: "@carol", reason: "already reviewed" },
        { reviewer: "team security", reason: "already requested" },
      ]),
    );
  });

  it("adds the code owners of risky paths for high and critical PRs", () => {
    const plan = planReviewRequests({
      ...base,
      level: "high",
      codeOwners: ["@acme/payments", "@dave", "@bob"],
    });
    expect(plan.teams).toContain("payments");
    expect(plan.users).toContain("dave");
    expect(plan.users).not.toContain("bob");
  });
});
