import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import { planReviewRequests } from "../../src/routing/plan-review-requests.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { prepareTriage } from "../../src/triage/prepare-triage.ts";

const DIFF = resolve(import.meta.dirname, "../../../shared/corpus/prs/express-7335.diff");
const LEAKED_KEY = "rpl_live_b316c6aea56506cde0af531b5543f89f432f19b43e6d7845";

describe.skipIf(!existsSync(DIFF))(
  "express-7335, end to end without the LLM (skipped: ../shared/corpus absent)",
  () => {
    it("comes out critical, routes to seniors, explains every reason and never repeats the key", async () => {
      const files = parseUnifiedDiff(readFileSync(DIFF, "utf8"));
      const config = configSchema.parse({
        routing: {
          high: { teams: ["senior-reviewers"] },
          critical: { teams: ["security"], users: ["lead"] },
        },
      });
      const pr = {
        author: "contributor",
        authorType: "User",
        headRef: "feature",
        title: "Add tooling",
        body: "",
      };
      const prepared = await prepareTriage({ files, config, pr }, 30_000);
      expect(prepared.secrets).toContain(LEAKED_KEY);
      const result = concludeTriage({
        headSha: "7335733573357335",
        files,
        config,
        prepared,
        llm: { mode: "no-key" },
        llmFindings: [],
        configProblems: [],
      });
      expect(result.risk.level).toBe("critical");
      expect(config.checks.conclusion[result.risk.level]).toBe("action_required");

      const plan = planReviewRequests({
        level: result.risk.level,
        routing: config.routing,
        author: pr.author,
        requestedUsers: [],
        requestedTeams: [],
        reviewedBy: [],
      });
      expect(plan.teams).toEqual(["senior-reviewers", "security"]);
      expect(plan.users).toEqual(["lead"]);

      const summary = renderSummary(result, plannedOutcome(result), {
        repoUrl: "https://github.com/expressjs/express",
        host: "github.com",
      });
      for (const reason of ["secrets", "agent-config", "ci-workflows", "npmrc", "dependencies"]) {
        expect(result.findings.some((f) => f.ruleId.startsWith(`${reason}/`))).toBe(true);
      }
      expect(summary).toMatch(/critical risk \(\d+\/100\)/);
      expect(summary).toContain("Analyzers-only mode");
      expect(summary).not.toContain(LEAKED_KEY);
      expect(JSON.stringify(result.inline)).not.toContain(LEAKED_KEY);
    });
  },
);
