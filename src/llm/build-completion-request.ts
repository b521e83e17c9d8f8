import { zodResponseFormat } from "openai/helpers/zod";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import type { EndpointCapability } from "./endpoint-capabilities.ts";
import { renderPrompt } from "./render-prompt.ts";
import { reviewOutputSchema } from "./review-output-schema.ts";

const responseFormat = zodResponseFormat(reviewOutputSchema, "pr_triage_review");
const schemaPrompt = renderPrompt("output-schema", {
  schema: JSON.stringify(responseFormat.json_schema.schema, null, 1),
});

/**
 * The request body for one chunk in the endpoint's output mode, with a bounded output budget.
 * When the server cannot enforce the schema, it is appended to the system message, which stays
 * byte-identical across a PR's chunks so prompt caching still applies.
 */
export function buildCompletionRequest(
  model: string,
  messages: readonly ChatCompletionMessageParam[],
  capability: EndpointCapability,
  maxOutputTokens: number,
): ChatCompletionCreateParamsNonStreaming {
  const { outputMode, tokenParam } = capability;
  const budget =
    tokenParam === "max_tokens"
      ? { max_tokens: maxOutputTokens }
      : { max_completion_tokens: maxOutputTokens };
  if (outputMode === "json_schema") {
    return { model, messages: [...messages], response_format: responseFormat, temperature: 0, ...budget };
  }
  const [system, ...rest] = messages;
  const withSchema: ChatCompletionMessageParam[] =
    system?.role === "system"
      ? [{ role: "system", content: `${String(system.content)}\n\n${schemaPrompt}` }, ...rest]
      : [{ role: "system", content: schemaPrompt }, ...messages];
  return {
    model,
    messages: withSchema,
    ...(outputMode === "json_object" ? { response_format: { type: "json_object" as const } } : {}),
    temperature: 0,
    ...budget,
  };
}
