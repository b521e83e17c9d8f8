import type { LlmUsage } from "./review-with-llm.ts";

/** USD per million tokens. Cached input is billed at a discount by providers that cache prefixes. */
export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
}

/** Estimated cost in USD, or `null` when the model has no known price (shown as "unknown"). */
export function estimateCost(
  model: string,
  usage: LlmUsage,
  prices: Record<string, ModelPrice>,
): number | null {
  const price = prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  if (!price) return null;
  const uncached = Math.max(0, usage.inputTokens - usage.cachedTokens);
  return (
    (uncached * price.input + usage.cachedTokens * price.cachedInput + usage.outputTokens * price.output) /
    1_000_000
  );
}
