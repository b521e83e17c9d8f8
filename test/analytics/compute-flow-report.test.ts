import { describe, expect, it } from "vitest";
import {
  computeFlowReport,
  type FlowInput,
  type WindowFigures,
} from "../../src/analytics/compute-flow-report.ts";
import type { FlowEvent, FlowPull } from "../../src/analytics/flow-event.ts";
import { prContexts } from "../../src/analytics/pr-context.ts";
import type { RuleFeedback } from "../../src/analytics/rule-precision.ts";
import type { TriageRecord } from "../../src/analytics/triage-record.ts";
import { event, hours, NOW, pull, triage } from "./flow-timeline.ts";

function report(
  pulls: FlowPull[],
  events: FlowEvent[],
  triages: TriageRecord[] = [],
  feedback: RuleFeedback[] = [],
): FlowInput & { window: (days: number, repo?: string) => WindowFigures } {
  const input: FlowInput = {
    pulls,
    events,
    triages,
    contexts: prContexts(triages),
    feedback,
    now: NOW,
    webHost: "github.com",
  };
  const computed = computeFlowReport(input);
  return {
    ...input,
    window: (days, repo) => {
      const windows = repo ? computed.repos.find((r) => r.repo === repo)?.windows : computed.windows;
      const found = windows?.find((w) => w.days === days);
      if (!found) throw new Error(`no ${days}-day window for ${repo ?? "the installation"}`);
      return found;
    },
  };
}

describe("computeFlowReport", () => {
  it("excludes draft time from pickup, review and cycle time", () => {
    const pr = pull(1);
    const { window } = report(
      [pr],
      [
        event(pr, "opened", 0, pr.author, "draft"),
        event(pr, "ready", 10),
        event(pr, "comment", 12, "reviewer-1"),
        event(pr, "draft", 13),
        event(pr, "ready", 20),
        event(pr, "merged", 22, "reviewer-1"),
      ],
    );
    const figures = window(7);
    expect(figures.pickup.all).toEqual({ count: 1, p50Hours: 2, p75Hours: 2 });
    // 12 → 22 is 10 h, less the 7 h back in draft.
    expect(figures.review.all.p50Hours).toBe(3);
    // 10 → 22 is 12 h, less the 7 h back in draft.
    expect(figures.cycle.all.p50Hours).toBe(5);
  });

  it("does not count comments by the author or by bots as a response", () => {
    const pr = pull(2);
    const { window } = report(
      [pr],
      [
        event(pr, "opened", 0),
        event(pr, "comment", 1, pr.author),
        event(pr, "review_comment", 1.5, pr.author),
        event(pr, "comment", 2, "pr-triage[bot]"),
        event(pr, "review", 3, "dependabot[bot]", "commented"),
        event(pr, "review", 5, "reviewer-1", "approved"),
      ],
    );
    expect(window(7).pickup.all.p50Hours).toBe(5);
  });

  it("does not count a response made while the PR was still a draft", () => {
    const pr = pull(3);
    const { window } = report(
      [pr],
      [
        event(pr, "opened", 0, pr.author, "draft"),
        event(pr, "comment", 1, "reviewer-1"),
        event(pr, "ready", 4),
        event(pr, "review", 6, "reviewer-2", "approved"),
      ],
    );
    expect(window(7).pickup.all.p50Hours).toBe(2);
  });

  it("takes the time a PR spent closed out of its cycle time after a reopen", () => {
    const pr = pull(4);
    const { window } = report(
      [pr],
      [
        event(pr, "opened", 0),
        event(pr, "closed", 2),
        event(pr, "reopened", 10),
        event(pr, "review", 11, "reviewer-1", "approved"),
        event(pr, "merged", 12, "reviewer-1"),
      ],
    );
    expect(window(7).pickup.all.p50Hours).toBe(3);
    expect(window(7).cycle.all.p50Hours).toBe(4);
  });

  it("treats a force-push as a push, not as a response", () => {
    const pr = pull(5);
    const { window } = report(
      [pr],
      [
        event(pr, "opened", 0),
        event(pr, "push", 1, pr.author, "forced"),
        event(pr, "push", 2, "someone-else"),
        event(pr, "comment", 4, "reviewer-1"),
      ],
    );
    expect(window(7).pickup.all.p50Hours).toBe(4);
  });

  it("reports P50 and P75 by nearest rank, split by risk level and author kind", () => {
    const prs = [1, 2, 3, 4].map((n) => pull(10 + n));
    const events = prs.flatMap((pr, i) => [
      event(pr, "opened", 0),
      event(pr, "review", i + 1, "reviewer-1", "commented"),
    ]);
    const triages = prs.map((pr, i) =>
      triage(pr, { level: i < 2 ? "high" : "low", authorKind: i === 3 ? "agent" : "human" }),
    );
    const { pickup } = report(prs, events, triages).window(7);
    expect(pickup.all).toEqual({ count: 4, p50Hours: 2, p75Hours: 3 });
    expect(pickup.byLevel.high).toEqual({ count: 2, p50Hours: 1, p75Hours: 2 });
    expect(pickup.byLevel.low).toEqual({ count: 2, p50Hours: 3, p75Hours: 4 });
    expect(pickup.byLevel.critical.count).toBe(0);
    expect(pickup.byAuthor.agent).toEqual({ count: 1, p50Hours: 4, p75Hours: 4 });
    expect(pickup.byAuthor.human).toEqual({ count: 3, p50Hours: 2, p75Hours: 3 });
  });

  it("puts each PR in the windows its milestone falls in, and per repository", () => {
    const recent = pull(20);
    const old = pull(21, "octo-author", "acme/web");
    const { window } = report(
      [recent, old],
      [
        event(recent, "opened", 0),
        event(recent, "merged", 5, "reviewer-1"),
        event(old, "opened", -24 * 20),
        event(old, "merged", -24 * 20 + 8, "reviewer-1"),
      ],
    );
    expect(window(7).cycle.all.count).toBe(1);
    expect(window(30).cycle.all).toMatchObject({ count: 2, p75Hours: 8 });
    expect(window(30, "acme/web").cycle.all).toMatchObject({ count: 1, p50Hours: 8 });
    expect(window(7, "acme/web").cycle.all.count).toBe(0);
  });

  it("lists high and critical PRs merged without a review by their routed reviewers, with links", () => {
    const reviewed = pull(30);
    const unreviewed = pull(31);
    const lateReview = pull(32);
    const lowRisk = pull(33);
    const { window } = report(
      [reviewed, unreviewed, lateReview, lowRisk],
      [
        event(reviewed, "opened", 0),
        event(reviewed, "review", 2, "alice", "approved"),
        event(reviewed, "merged", 3, "alice"),
        event(unreviewed, "opened", 0),
        event(unreviewed, "review", 1, "bob", "approved"),
        event(unreviewed, "merged", 2, "bob"),
        event(lateReview, "opened", 0),
        event(lateReview, "merged", 2, "octo-author"),
        event(lateReview, "review", 3, "alice", "approved"),
        event(lowRisk, "opened", 0),
        event(lowRisk, "merged", 1, "octo-author"),
      ],
      [
        triage(reviewed, { level: "critical", routed: ["alice"] }),
        triage(unreviewed, { level: "high", routed: ["alice"] }),
        triage(lateReview, { level: "low" }),
        triage(lateReview, { level: "high", routed: ["alice"] }),
        triage(lowRisk, { level: "low" }),
      ],
    );
    const share = window(7).routedReview;
    expect(share).toMatchObject({ merged: 3, reviewedByRouted: 1 });
    expect(share.share).toBeCloseTo(1 / 3);
    expect(share.mergedWithout.map((pr) => [pr.pullNumber, pr.url, pr.reason])).toEqual([
      [31, "https://github.com/acme/api/pull/31", "merged before a review by @alice"],
      [32, "https://github.com/acme/api/pull/32", "merged before a review by @alice"],
    ]);
  });

  it("counts a team as reviewed by any human other than the author, and says when nothing was routed", () => {
    const team = pull(40);
    const unrouted = pull(41);
    const { window } = report(
      [team, unrouted],
      [
        event(team, "opened", 0),
        event(team, "review", 1, "carol", "approved"),
        event(team, "merged", 2, "carol"),
        event(unrouted, "opened", 0),
        event(unrouted, "merged", 1, "octo-author"),
      ],
      [triage(team, { level: "high", routed: ["team:security"] }), triage(unrouted, { level: "critical" })],
    );
    const share = window(7).routedReview;
    expect(share.reviewedByRouted).toBe(1);
    expect(share.mergedWithout).toMatchObject([
      { pullNumber: 41, level: "critical", reason: expect.stringMatching(/no reviewer was routed/) },
    ]);
  });

  it("computes the risk mix, time to triage and LLM usage per week", () => {
    const a = pull(50);
    const b = pull(51);
    const { window } = report(
      [a, b],
      [event(a, "opened", 0), event(b, "opened", 0)],
      [
        triage(a, { level: "medium", eventAt: hours(0), completedAt: hours(0.5), costUsd: 0.02 }),
        triage(a, { level: "critical", eventAt: hours(1), completedAt: hours(1.25), costUsd: null }),
        triage(b, { level: "low", eventAt: hours(0), completedAt: hours(1) }),
      ],
    );
    const figures = window(7);
    expect(figures.riskMix).toEqual({ low: 1, medium: 0, high: 0, critical: 1, untriaged: 0 });
    expect(figures.triage.all).toEqual({ count: 3, p50Hours: 0.5, p75Hours: 1 });
    expect(figures.triage.byLevel.critical.p50Hours).toBe(0.25);
    expect(figures.llmWeeks).toEqual([
      {
        weekStart: "2026-11-02",
        triages: 3,
        inputTokens: 3000,
        cachedTokens: 600,
        outputTokens: 300,
        costUsd: 0.03,
      },
    ]);
  });

  it("computes per-rule precision from reactions, addressed and resolved comments", () => {
    const at = hours(1);
    const base = { repo: "acme/api", thumbsUp: 0, thumbsDown: 0, addressed: false, resolved: false, at };
    const { window } = report(
      [],
      [],
      [],
      [
        { ...base, ruleId: "secrets/aws", commentId: 1, thumbsUp: 2 },
        { ...base, ruleId: "secrets/aws", commentId: 2, addressed: true },
        { ...base, ruleId: "secrets/aws", commentId: 3, thumbsDown: 1 },
        { ...base, ruleId: "secrets/aws", commentId: 4 },
        { ...base, ruleId: "llm/security", commentId: 5, resolved: true, thumbsDown: 1 },
      ],
    );
    expect(window(7).rules).toEqual([
      {
        ruleId: "secrets/aws",
        comments: 4,
        thumbsUp: 2,
        thumbsDown: 1,
        addressed: 1,
        resolved: 0,
        ignored: 0,
        precision: 2 / 3,
      },
      {
        ruleId: "llm/security",
        comments: 1,
        thumbsUp: 0,
        thumbsDown: 1,
        addressed: 0,
        resolved: 1,
        ignored: 0,
        precision: 1,
      },
    ]);
  });

  it("charts P50 pickup per week and level", () => {
    const a = pull(60);
    const b = pull(61);
    const { window } = report(
      [a, b],
      [
        event(a, "opened", -24 * 7),
        event(a, "comment", -24 * 7 + 3, "r"),
        event(b, "opened", 0),
        event(b, "comment", 1, "r"),
      ],
      [triage(a, { level: "high" }), triage(b, { level: "low" })],
    );
    expect(window(30).pickupWeeks).toEqual([
      {
        weekStart: "2026-10-26",
        p50Hours: { low: null, medium: null, high: 3, critical: null, untriaged: null },
      },
      {
        weekStart: "2026-11-02",
        p50Hours: { low: 1, medium: null, high: null, critical: null, untriaged: null },
      },
    ]);
  });
});
