import type { AnalyzerRule } from "../analyzer-rule.ts";

/**
 * The PR-shape rules: what the PR as a whole looks like (its size, its tests, the paths it
 * touches, who wrote it) rather than what one line says. Two floors are the repository's choice.
 */
export const PR_SHAPE_RULES = {
  sensitivePath: {
    id: "sensitive-paths/match",
    category: "sensitive-path",
    severity: "medium",
    riskFloor: 40,
    title: "Sensitive path changed",
    why: "Maintainers declared these paths sensitive in the config, with the reason the finding quotes.",
    fix: "Have someone who owns that area review the change.",
    variants: [{ when: "the path's weight is 60 or more", severity: "high", riskFloor: 60 }],
    floorSetting: "risk.sensitivePaths[].weight",
  },
  sizeChurn: {
    id: "size-churn/large",
    category: "size",
    severity: "low",
    riskFloor: 30,
    title: "Large pull request",
    why: "More changed lines (lockfiles, generated files and the config's `ignore` globs excluded) than one careful review covers.",
    fix: "Split it into independent PRs, or agree on a review plan and owner per area.",
  },
  missingTests: {
    id: "missing-tests/source-without-tests",
    category: "testing",
    severity: "low",
    riskFloor: 0,
    title: "Source changed without test changes",
    why: "Source changed substantially while no test file changed, so the behavior change is unverified.",
    fix: "Ask for tests that pin the new behavior, or for a note on how it was verified.",
  },
  agentAuthored: {
    id: "agent-provenance/agent-authored",
    category: "provenance",
    severity: "low",
    riskFloor: 20,
    title: "Pull request written by an AI agent",
    why: "Agents produce plausible code that nobody has yet understood end to end;",
    fix: "review it as you would a new contributor's, and check that a human owns the change.",
    variants: [{ when: "`risk.provenanceFloor` is 60 or more", severity: "medium", riskFloor: 60 }],
    floorSetting: "risk.provenanceFloor",
  },
  botAuthored: {
    id: "agent-provenance/bot-authored",
    category: "provenance",
    severity: "info",
    riskFloor: 0,
    title: "Pull request opened by a bot",
    why: "An automation account opened it.",
    fix: "Check that the change matches what the bot is meant to do (e.g. only a version bump).",
  },
} as const satisfies Record<string, AnalyzerRule>;
