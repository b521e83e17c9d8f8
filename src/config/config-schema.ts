import { z } from "zod";
import { SEVERITIES } from "../findings/finding.ts";
import { globComplexityProblem } from "./glob-complexity-problem.ts";

const severity = z.enum(SEVERITIES);
const logins = z.array(z.string().min(1)).default([]);
/** A glob that is cheap to match (see globComplexityProblem): refused ones fall back to the default. */
export const safeGlob = z
  .string()
  .min(1)
  .superRefine((glob, ctx) => {
    const problem = globComplexityProblem(glob);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
const globs = z.array(safeGlob);

const routingLevel = (level: string) =>
  z
    .object({
      teams: logins.describe(
        `Team slugs (without the org, e.g. \`security\`) asked to review ${level}-risk PRs.`,
      ),
      users: logins.describe(`User logins asked to review ${level}-risk PRs.`),
    })
    .strict()
    .prefault({})
    .describe(
      level === "medium"
        ? "Reviewers for medium-risk PRs."
        : level === "high"
          ? "Reviewers for high-risk PRs."
          : "Reviewers for critical-risk PRs; the high-risk reviewers are asked too.",
    );

const conclusion = z.enum(["success", "neutral", "failure", "action_required"]);
const conclusionFor = (level: string, fallback: z.output<typeof conclusion>) =>
  conclusion.default(fallback).describe(`Check-run conclusion for a ${level}-risk PR.`);

const threshold = (level: string, fallback: number) =>
  z.number().int().min(1).max(100).default(fallback).describe(`Lowest risk score (1–100) rated ${level}.`);

const sensitivePath = z
  .object({
    pattern: safeGlob.describe("A glob (picomatch, dotfiles included) matched against changed file paths."),
    weight: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(40)
      .describe("Risk-score floor (0–100) when a changed file matches."),
    reason: z.string().min(1).describe("Why this path is sensitive; shown to reviewers."),
  })
  .strict();

const ignoredFinding = z
  .object({
    path: z
      .string()
      .min(1)
      .describe("Glob (picomatch, dotfiles included) of the files where `rule` is suppressed."),
    rule: z
      .string()
      .min(1)
      .describe(
        "Rule id as the summary and inline comments show it, e.g. `ci-workflows/unpinned-action`; a glob such as `secrets/*` works too.",
      ),
    reason: z.string().min(1).optional().describe("Why it is not a problem here; shown in the summary."),
  })
  .strict();

const ignoreSections = z
  .object({
    paths: globs
      .default([])
      .describe(
        "Globs of files the LLM should not review (the analyzers still check them). Added to the built-in ignores (lockfiles, minified, generated, vendored, binaries), never replacing them.",
      ),
    rules: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "Rule ids (or globs of them) never reported in this repository; the summary lists what they hid.",
      ),
    findings: z
      .array(ignoredFinding)
      .default([])
      .describe('A rule suppressed only on some paths: `{ path: "test/fixtures/**", rule: "secrets/*" }`.'),
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
    ignore: z
      .union([globs, ignoreSections])
      // The list form predates `rules` and `findings`: it is still `paths`, so old files keep working.
      .transform((value) => (Array.isArray(value) ? { paths: value, rules: [], findings: [] } : value))
      .prefault([])
      .describe(
        "What PR Triage leaves out. A list of globs is `paths`; a mapping also takes `rules` and `findings`, repository-wide suppressions that go through review like any config change (the policy-change analyzer flags edits to them).",
      ),
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
        maxInlineComments: z
          .number()
          .int()
          .min(0)
          .max(50)
          .default(8)
          .describe("Most inline comments per review (0–50); the rest go to the summary."),
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
        provenanceFloor: z
          .number()
          .int()
          .min(0)
          .max(100)
          .default(20)
          .describe(
            "Risk floor for PRs authored by AI agents (an agent login, an agent co-author trailer or an agent branch prefix). Raise it to route every agent PR to a human.",
          ),
      })
      .strict()
      .prefault({})
      .describe("How the 0–100 risk score maps to levels, and what raises it."),
    routing: z
      .object({
        medium: routingLevel("medium"),
        high: routingLevel("high"),
        critical: routingLevel("critical"),
      })
      .strict()
      .prefault({})
      .describe("Who is asked to review at each risk level. Levels without entries request nobody."),
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
          .describe("Token budget for each LLM request: prompt, policies and diff chunk together."),
        maxChunks: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(4)
          .describe("Most LLM requests per PR; files beyond them are listed as analyzers-only."),
        maxOutputTokens: z
          .number()
          .int()
          .min(256)
          .max(100_000)
          .default(4_000)
          .describe(
            "Most tokens the model may write per request (sent as `max_tokens`, or `max_completion_tokens` where the endpoint wants it), so a model that never closes its JSON stops early.",
          ),
        context: z
          .object({
            enabled: z
              .boolean()
              .default(true)
              .describe(
                "Give the model, after the diff and within `maxInputTokens`, unchanged code from the head commit: the whole function or block around each hunk, and uses of the exported symbols the PR changes. Marked as context; never commented on.",
              ),
            maxFiles: z
              .number()
              .int()
              .min(0)
              .max(100)
              .default(20)
              .describe(
                "Most changed files whose head version is read for enclosing blocks (one request each).",
              ),
            callSites: z
              .number()
              .int()
              .min(0)
              .max(20)
              .default(3)
              .describe("Most uses shown per changed exported symbol. 0: no search for uses."),
            searchFiles: z
              .number()
              .int()
              .min(0)
              .max(100)
              .default(20)
              .describe(
                "Most repository files read (nearest folders first, same language) to find those uses, one request each.",
              ),
          })
          .strict()
          .prefault({})
          .describe("Context beyond the hunk, read from the PR's head commit."),
      })
      .strict()
      .prefault({})
      .describe("The AI review. Endpoint, model and key come from the app's environment, never from a repo."),
    policies: z
      .object({
        paths: globs
          .default([".github/pr-triage/policies/*.md"])
          .describe(
            "Globs of policy files (markdown with optional front matter), read from the base branch.",
          ),
        maxTokens: z
          .number()
          .int()
          .min(0)
          .max(100_000)
          .default(4_000)
          .describe(
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
