import type { LlmRunFacts } from "../llm/review-with-llm.ts";

const MODE_NAMES: Record<LlmRunFacts["outputMode"], string> = {
  json_schema: "strict JSON schema",
  json_object: "JSON mode, schema in the prompt (the endpoint rejected a strict schema)",
  text: "plain text, schema in the prompt (the endpoint rejected JSON modes)",
  cache: "answers from the cache",
};

/** How the AI review ran: structured-output mode, cache use and wall time. Empty when unknown. */
export function renderLlmFacts(facts: LlmRunFacts | undefined): string {
  if (!facts) return "";
  const parts = [`Output: ${MODE_NAMES[facts.outputMode]}`];
  if (facts.cachedAnswers > 0 && facts.outputMode !== "cache") {
    parts.push(`${facts.cachedAnswers} of ${facts.parts} part(s) answered from the cache`);
  } else if (facts.outputMode === "cache") {
    parts.push(`all ${facts.parts} part(s), nothing paid again`);
  }
  parts.push(`${(facts.durationMs / 1_000).toFixed(1)} s`);
  return ` ${parts.join("; ")}.`;
}
