import { type ReviewOutput, reviewOutputSchema } from "./review-output-schema.ts";

export const NOT_JSON = "output was not valid JSON";

export type ParsedOutput = { ok: true; output: ReviewOutput } | { ok: false; reason: string };

/**
 * Validates an answer against the schema, whatever mode produced it. Without server-side
 * enforcement models wrap JSON in prose or a code fence, so the outermost object is taken.
 */
export function parseReviewOutput(raw: string): ParsedOutput {
  const json = parseJson(raw.trim()) ?? parseJson(outermostObject(raw));
  if (json === undefined) return { ok: false, reason: NOT_JSON };
  const parsed = reviewOutputSchema.safeParse(json);
  if (parsed.success) return { ok: true, output: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason: `output did not match the schema (${issue?.path.join(".") || "root"}: ${issue?.message})`,
  };
}

function outermostObject(text: string): string {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  return start >= 0 && end > start ? text.slice(start, end + 1) : "";
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
