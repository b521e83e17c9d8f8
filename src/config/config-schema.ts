import { z } from "zod";
import { SEVERITIES } from "../findings/finding.ts";

const severity = z.enum(SEVERITIES);
const logins = z.array(z.string().min(1)).default([]);

const routingLevel = z
  .object({
    teams: logins.describe("Team slugs (without the org) whose review is requested at this level."),
    users: logins.describe("User logins whose review is requested at this level."),
  })
  .strict()
  .prefault({});

const conclusion = z.enum(["success", "neutral", "failure", "action_required"]);

const sensitivePath = z
  .object({
    pattern: z.string().min(1).describe("A glob (picomatch) matched against changed file paths."),
    weight: z.number().int().min(0).max(100).default(40).describe("Risk-score floor when a file matches."),
    reason: z.string().min(1).describe("Why this path is sensitive; shown to reviewers."),
  })
  .strict();

/**
 * The single source of truth for `.github/pr-triage.yml`: its types, defaults and docs.
 * An empty or missing file parses to these defaults.
 */
export const configSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Set to false to turn PR Triage off for this repository."),
    drafts: z
      .boolean()
      .default(false)
      .describe("Triage draft PRs too. Off by default: drafts are not ready."),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "Extra globs of files the LLM should not review. Added to the built-in ignores, never replacing them.",
      ),
    review: z
      .object({
        severityThreshold: severity
          .default("medium")
          .describe("Lowest severity posted as an inline comment. Lower ones are counted in the summary."),
        maxInlineComments: z
          .number()
          .int()
          .min(0)
          .max(50)
          .default(8)
          .describe("Most inline comments per review; the rest go to the summary."),
      })
      .strict()
      .prefault({}),
    risk: z
      .object({
        thresholds: z
          .object({
            medium: z.number().int().min(1).max(100).default(30),
            high: z.number().int().min(1).max(100).default(60),
            critical: z.number().int().min(1).max(100).default(85),
          })
          .strict()
          .prefault({})
          .describe("Lowest score of each level; below `medium` is low."),
        sensitivePaths: z
          .array(sensitivePath)
          .default([])
          .describe("Paths whose change raises the risk floor, with the reason shown to reviewers."),
      })
      .strict()
      .prefault({}),
    routing: z
      .object({
        medium: routingLevel,
        high: routingLevel,
        critical: routingLevel,
      })
      .strict()
      .prefault({})
      .describe("Who is asked to review at each risk level. Levels without entries request nobody."),
    labels: z.boolean().default(true).describe("Keep exactly one `risk: <level>` label on the PR."),
    checks: z
      .object({
        conclusion: z
          .object({
            low: conclusion.default("success"),
            medium: conclusion.default("success"),
            high: conclusion.default("neutral"),
            critical: conclusion.default("action_required"),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({})
      .describe("Check-run conclusion per level, so branch protection can gate merges."),
    llm: z
      .object({
        enabled: z
          .boolean()
          .default(true)
          .describe("Use the LLM when the app has a key. False: analyzers only."),
        maxInputTokens: z
          .number()
          .int()
          .min(2_000)
          .max(1_000_000)
          .default(32_000)
          .describe("Token budget for each LLM request (prompt + diff chunk)."),
        maxChunks: z.number().int().min(1).max(20).default(4).describe("Most LLM requests per PR."),
      })
      .strict()
      .prefault({}),
    policies: z
      .object({
        paths: z
          .array(z.string().min(1))
          .default([".github/pr-triage/policies/*.md"])
          .describe("Globs of policy files, read from the base branch."),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type TriageConfig = z.output<typeof configSchema>;
export type RiskLevel = "low" | "medium" | "high" | "critical";
export const RISK_LEVELS: readonly RiskLevel[] = ["low", "medium", "high", "critical"];

export function defaultConfig(): TriageConfig {
  return configSchema.parse({});
}
