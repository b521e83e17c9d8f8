import { countTokens } from "gpt-tokenizer";
import { renderPrompt } from "./render-prompt.ts";

/** Room left for the model's own framing and JSON schema, which the tokenizer cannot see. */
const OVERHEAD_TOKENS = 600;

/**
 * How many tokens of diff fit in one request: the configured budget minus everything that is
 * sent with every chunk (system prompt with policies, PR title and body).
 */
export function diffTokenBudget(
  maxInputTokens: number,
  policies: string,
  title: string,
  body: string,
): number {
  const fixed =
    countTokens(renderPrompt("system", { policies })) +
    countTokens(
      renderPrompt("review", {
        marker: "<<<PR-TRIAGE-0000000000000000>>>",
        title,
        body,
        chunk: "part 1 of 1",
        diff: "",
      }),
    );
  return Math.max(1_000, maxInputTokens - fixed - OVERHEAD_TOKENS);
}
