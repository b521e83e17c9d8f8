import { describe, expect, it } from "vitest";
import { type HeadComparison, planReviewScope } from "../../src/incremental/plan-review-scope.ts";
import { decodeSummaryState, encodeSummaryState, type SummaryState } from "../../src/render/summary-state.ts";

const OLD = "abc1234def5678abc1234def5678abc1234def56";
const NEW = "9999999999999999999999999999999999999999";
const reviewed: SummaryState = {
  headSha: OLD,
  baseRef: "main",
  findings: {},
  ai: { unreviewed: [], findings: [] },
};

async function plan(
  previous: SummaryState | null,
  answer: HeadComparison | null = { status: "ahead", files: [] },
) {
  const compared: string[] = [];
  const scope = await planReviewScope(previous, { headSha: NEW, baseRef: "main" }, [], async (since) => {
    compared.push(since);
    return answer;
  });
  return { scope, compared };
}

describe("planReviewScope", () => {
  it("narrows the review only over a complete AI review of an ancestor on the same base", async () => {
    const { scope, compared } = await plan(reviewed);
    expect(scope.mode).toBe("incremental");
    expect(compared).toEqual([OLD]);
  });

  it.each([
    ["no earlier triage", null, null, "first triage"],
    ["no complete AI review", { ...reviewed, ai: undefined }, null, "has no complete AI review"],
    ["a re-run on the same head", { ...reviewed, headSha: NEW }, null, "re-run on the same head"],
    ["a retarget", { ...reviewed, baseRef: "release" }, null, "base branch changed from release to main"],
  ])("reviews everything after %s, without asking GitHub", async (_what, previous, _answer, reason) => {
    const state = previous === null ? null : (JSON.parse(JSON.stringify(previous)) as SummaryState);
    const { scope, compared } = await plan(state);
    expect(scope).toEqual({ mode: "full", reason: expect.stringContaining(reason) });
    expect(compared).toEqual([]);
  });

  it.each([
    ["history was rewritten", { status: "diverged", files: [] } as HeadComparison, "not an ancestor"],
    ["GitHub cannot list the files", { status: "ahead", files: null } as HeadComparison, "could not list"],
    ["the old head is gone", null, "could not be compared"],
  ])("reviews everything when %s", async (_what, answer, reason) => {
    const { scope } = await plan(reviewed, answer);
    expect(scope).toEqual({ mode: "full", reason: expect.stringContaining(reason) });
  });
});

describe("summary state", () => {
  it("round-trips the AI record, sanitized, and drops a malformed one without losing the rest", () => {
    const finding = {
      path: "a.ts",
      line: 3,
      startLine: null,
      side: "RIGHT" as const,
      code: "0123456789abcdef",
      severity: "high" as const,
      category: "bug",
      title: "Ping @admin <img src=x>",
      message: "m",
      confidence: 0.5,
      policy: null,
    };
    const decoded = decodeSummaryState(
      encodeSummaryState({ ...reviewed, ai: { unreviewed: [], findings: [finding] } }),
    );
    expect(decoded?.ai?.findings[0]?.title).not.toContain("<img");
    expect(decoded?.ai?.findings[0]?.title).not.toMatch(/(^|\s)@admin/);
    const forged = `<!-- pr-triage:state ${Buffer.from(JSON.stringify({ ...reviewed, ai: { findings: "x" } })).toString("base64url")} -->`;
    expect(decodeSummaryState(forged)).toEqual({ headSha: OLD, baseRef: "main", findings: {} });
  });
});
