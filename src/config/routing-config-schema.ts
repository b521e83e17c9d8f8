import { z } from "zod";

const logins = z.array(z.string().min(1)).default([]);

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

/** `routing:` in `.github/pr-triage.yml`: who is asked to review at each risk level. */
export const routingConfigSchema = z
  .object({
    medium: routingLevel("medium"),
    high: routingLevel("high"),
    critical: routingLevel("critical"),
  })
  .strict()
  .prefault({})
  .describe("Who is asked to review at each risk level. Levels without entries request nobody.");
