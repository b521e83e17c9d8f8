import { z } from "zod";

/**
 * What the model must answer. Strict structured outputs require every field to be present, so
 * optional facts are `nullable`, never `optional`. Fields added later default to null, so an answer
 * from a prompt or fake that predates them still parses.
 */
export const reviewOutputSchema = z
  .object({
    what_changed: z
      .array(z.string())
      .nullable()
      .default(null)
      .describe(
        "Three to six short lines saying what this part of the PR changes, grouped by area (e.g. `API: …`). Facts from the diff only; no judgement.",
      ),
    findings: z.array(
      z
        .object({
          path: z.string().describe("File path exactly as shown after `## File:`."),
          line: z.number().int().describe("Line number the finding is about, as printed in the diff."),
          start_line: z.number().int().nullable().describe("First line of a multi-line range, or null."),
          side: z.enum(["RIGHT", "LEFT"]).describe("RIGHT for new code, LEFT for removed code."),
          severity: z.enum(["low", "medium", "high", "critical"]),
          category: z.enum(["bug", "security", "policy", "performance", "reliability"]),
          title: z.string().describe("One short sentence naming the problem."),
          body: z.string().describe("Why it is a problem and how to fix it. Markdown, no headings."),
          confidence: z.number().min(0).max(1),
          policy: z.string().nullable().describe("Title of the violated repository policy, or null."),
          replacement: z
            .string()
            .nullable()
            .default(null)
            .describe(
              "Exact new text for lines start_line..line (RIGHT side) that fixes the problem, without diff markers, or null when the fix is not a local edit.",
            ),
        })
        .strict(),
    ),
  })
  .strict();

export type ReviewOutput = z.output<typeof reviewOutputSchema>;
