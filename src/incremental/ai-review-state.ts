import { z } from "zod";
import { SEVERITIES } from "../findings/finding.ts";

/**
 * An LLM finding as the summary state keeps it between pushes: enough to show it again and to
 * re-anchor it to a later diff. `code` is the hash of the whitespace-normalized line it points
 * at (empty when it points at no diff line): the line is found again by content, not by number.
 */
const carriedFindingSchema = z.object({
  path: z.string().nullable(),
  line: z.number().int().nullable(),
  startLine: z.number().int().nullable(),
  side: z.enum(["LEFT", "RIGHT"]),
  code: z.string(),
  severity: z.enum(SEVERITIES),
  category: z.string(),
  title: z.string(),
  message: z.string(),
  confidence: z.number(),
  policy: z.string().nullable(),
});

const aiReviewStateSchema = z.object({
  /** Files (of the PR at that head) the AI did not see, e.g. over budget: sent whole next time. */
  unreviewed: z.array(z.string()),
  findings: z.array(carriedFindingSchema),
});

export type CarriedFinding = z.infer<typeof carriedFindingSchema>;

/** A complete AI review of one head: the only base an incremental review may build on. */
export type AiReviewState = z.infer<typeof aiReviewStateSchema>;

/** The state is PR-visible text (base64 in a comment anyone can edit a copy of): check its shape. */
export function isAiReviewState(value: unknown): value is AiReviewState {
  return aiReviewStateSchema.safeParse(value).success;
}
