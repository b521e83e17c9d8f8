import { z } from "zod";
import { SEVERITIES } from "../findings/finding.ts";
import { ignoreConfigSchema } from "./ignore-config-schema.ts";
import { llmConfigSchema } from "./llm-config-schema.ts";
import { routingConfigSchema } from "./routing-config-schema.ts";
import { globs, safeGlob } from "./safe-glob.ts";
import { wholeNumberSetting } from "./whole-number-setting.ts";

const severity = z.enum(SEVERITIES);

const conclusion = z.enum(["success", "neutral", "failure", "action_required"]);
const conclusionFor = (level: string, fallback: z.output<typeof conclusion>) =>
  conclusion.default(fallback).describe(`Check-run conclusion for a ${level}-risk PR.`);

const threshold = (level: string, fallback: number) =>
  wholeNumberSetting(1, 100, fallback, `Lowest risk score (1–100) rated ${level}.`);

const sensitivePath = z
  .object({
    pattern: safeGlob.describe("A glob (picomatch, dotfiles included) matched against changed file paths."),
    weight: wholeNumberSetting(0, 100, 40, "Risk-score floor (0–100) when a changed file matches."),
    reason: z.string().min(1).describe("Why this path is sensitive; shown to reviewers."),
  })
  .strict();

/**
 * The single source of truth for `.github/pr-triage.yml`: its types, defaults and docs (the
 * JSON Schema and `docs/configuration.md` are generated from it). An empty or missing file
 * parses to these defaults.
 */
export const configSchema = z
  .object({
    _extends: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Inherit settings from another repository's file: `repo` (same owner, same path), `owner/repo`, or `repo:path/to/file.yml`. Org defaults in the org's `.github` repository apply without it when the repository has no config file.",
      ),
    enabled: z.boolean().default(true).describe("Set to false to turn PR Triage off for this repository."),
    drafts: z
      .boolean()
      .default(false)
      .describe(
        "Triage draft PRs too. Off by default: drafts are not ready. `/triage` works on drafts either way.",
      ),
    ignore: ignoreConfigSchema,
    dependencies: z
      .object({
        allowedRegistries: z
          .array(z.string().min(1))
          .default(["registry.npmjs.org", "registry.yarnpkg.com"])
          .describe(
            "Hosts that changed lockfile entries may download from (`npm.example.com`). Add your organization's mirror; an entry resolved elsewhere is flagged.",
          ),
      })
      .strict()
      .prefault({})
      .describe("Supply-chain checks on manifests and lockfiles."),
    review: z
      .object({
        severityThreshold: severity
          .default("medium")
          .describe("Lowest severity posted as an inline comment. Lower ones are listed in the summary."),
        maxInlineComments: wholeNumberSetting(
          0,
          50,
          8,
          "Most inline comments per review (0–50); the rest go to the summary.",
        ),
      })
      .strict()
      .prefault({})
      .describe("What is posted as inline review comments."),
    risk: z
      .object({
        thresholds: z
          .object({
            medium: threshold("medium", 30),
            high: threshold("high", 60),
            critical: threshold("critical", 85),
          })
          .strict()
          .refine((t) => t.medium < t.high && t.high < t.critical, {
            message: "Thresholds must increase: medium < high < critical",
          })
          .prefault({})
          .describe("Lowest score of each risk level; a score below `medium` is low."),
        sensitivePaths: z
          .array(sensitivePath)
          .default([])
          .describe("Paths whose change raises the risk floor, with the reason shown to reviewers."),
        provenanceFloor: wholeNumberSetting(
          0,
          100,
          20,
          "Risk floor for PRs authored by AI agents (an agent login, an agent co-author trailer or an agent branch prefix). Raise it to route every agent PR to a human.",
        ),
      })
      .strict()
      .prefault({})
      .describe("How the 0–100 risk score maps to levels, and what raises it."),
    routing: routingConfigSchema,
    labels: z
      .boolean()
      .default(true)
      .describe("Keep exactly one `risk: <level>` label on the PR. False: never touch labels."),
    checks: z
      .object({
        conclusion: z
          .object({
            low: conclusionFor("low", "success"),
            medium: conclusionFor("medium", "success"),
            high: conclusionFor("high", "neutral"),
            critical: conclusionFor("critical", "action_required"),
          })
          .strict()
          .prefault({})
          .describe(
            "Conclusion of the `PR Triage` check run per level, so branch protection can gate merges (`failure` or `action_required` block a required check).",
          ),
      })
      .strict()
      .prefault({})
      .describe("The `PR Triage` check run."),
    llm: llmConfigSchema,
    policies: z
      .object({
        paths: globs
          .default([".github/pr-triage/policies/*.md"])
          .describe(
            "Globs of policy files (markdown with optional front matter), read from the base branch.",
          ),
        maxTokens: wholeNumberSetting(
          0,
          100_000,
          4_000,
          "Token budget for the policies sent with each LLM request. Policies that do not fit are listed in the summary as not applied.",
        ),
      })
      .strict()
      .prefault({})
      .describe("Repository policies the AI review checks the PR against."),
  })
  .strict();

export type TriageConfig = z.output<typeof configSchema>;
export type RiskLevel = "low" | "medium" | "high" | "critical";
export const RISK_LEVELS: readonly RiskLevel[] = ["low", "medium", "high", "critical"];

export function defaultConfig(): TriageConfig {
  return configSchema.parse({});
}
