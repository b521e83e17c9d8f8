import type { AnalyzerRule } from "../analyzer-rule.ts";

/**
 * The policy-change rule: a PR that edits what steers its own review. Its floors are the
 * repository's own risk thresholds, so such a PR always reaches that level whatever they are.
 */
export const POLICY_CHANGE_RULES = {
  policyChange: {
    id: "config/policy-change",
    category: "policy-change",
    severity: "high",
    riskFloor: 60,
    title: "Policy change",
    why: "PR Triage reads its configuration, policies and code owners from the base branch, so this triage used the base version and ignored the proposed one; the change applies only after merge.",
    fix: "A maintainer should review it, because it changes how future PRs are reviewed.",
    variants: [
      {
        when: "the PR changes CODEOWNERS (floor `risk.thresholds.medium`)",
        severity: "medium",
        riskFloor: 30,
      },
    ],
    floorSetting: "risk.thresholds.high",
  },
} as const satisfies Record<string, AnalyzerRule>;
