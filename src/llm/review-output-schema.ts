import { z } from "zod";

/**
 * What the model must answer. Strict structured outputs require every field to be present, so
 * optional facts are `nullable`, never `optional`.
 */
export const reviewOutputSchema = z
  .object({
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
        })
        .strict(),
    ),
  })
  .strict();

export type ReviewOutput = z.output<typeof reviewOutputSchema>;
