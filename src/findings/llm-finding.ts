import type { Finding } from "./finding.ts";

/** What an LLM finding says; the rest follows from its being the model's (`llm/<category>`, no floor). */
export type LlmFindingFields = Omit<Finding, "ruleId" | "source" | "riskFloor">;

/** An LLM finding, fresh from the model or carried forward from an earlier push. */
export function llmFinding(fields: LlmFindingFields): Finding {
  return { ruleId: `llm/${fields.category}`, source: "llm", ...fields, riskFloor: 0 };
}
