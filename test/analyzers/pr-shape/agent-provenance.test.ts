import { describe, expect, it } from "vitest";
import { agentProvenance } from "../../../src/analyzers/pr-shape/agent-provenance.ts";
import { analyzerInput } from "../diff-fixture.ts";

describe("agentProvenance", () => {
  it("reports agent authors, co-author trailers and agent branches as provenance with a modest floor", async () => {
    const findings = await agentProvenance.run(
      analyzerInput([], {
        author: "copilot-swe-agent[bot]",
        authorType: "Bot",
        headRef: "copilot/fix-login",
        body: "Fixes login.\n\nCo-authored-by: Claude <noreply@anthropic.com>",
      }),
    );
    expect(findings).toMatchObject([
      {
        ruleId: "agent-provenance/agent-authored",
        category: "provenance",
        severity: "low",
        riskFloor: 20,
        path: null,
      },
    ]);
    expect(findings[0]?.message).toContain("branch `copilot/fix-login`");
  });

  it("lets risk.provenanceFloor raise the floor, and the severity with it", async () => {
    const input = analyzerInput([], { headRef: "claude/refactor" });
    const config = { ...input.config, risk: { ...input.config.risk, provenanceFloor: 60 } };
    expect((await agentProvenance.run({ ...input, config }))[0]).toMatchObject({
      riskFloor: 60,
      severity: "medium",
    });
  });

  it("marks chore bots as info and stays quiet for people", async () => {
    expect(
      await agentProvenance.run(analyzerInput([], { author: "dependabot[bot]", authorType: "Bot" })),
    ).toMatchObject([{ ruleId: "agent-provenance/bot-authored", severity: "info", riskFloor: 0 }]);
    expect(
      await agentProvenance.run(analyzerInput([], { author: "octocat", headRef: "fix/aircraft-typo" })),
    ).toEqual([]);
  });
});
