import type { LlmUsage } from "./review-with-llm.ts";

/** USD per million tokens. Cached input is billed at a discount by providers that cache prefixes. */
export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
}

/** Public list prices of common models; override or extend with `LLM_PRICES` (JSON). */
const DEFAULT_PRICES: Record<string, ModelPrice> = {
  "gpt-4.1": { input: 2, cachedInput: 0.5, output: 8 },
  "gpt-4.1-mini": { input: 0.4, cachedInput: 0.1, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, cachedInput: 0.025, output: 0.4 },
  "gpt-4o": { input: 2.5, cachedInput: 1.25, output: 10 },
  "gpt-4o-mini": { input: 0.15, cachedInput: 0.075, output: 0.6 },
};

/**
 * Reads the price table: the defaults, merged with `LLM_PRICES`, e.g.
 * `{"my-model":{"input":1,"cachedInput":0.25,"output":4}}`.
 */
export function readPriceTable(env: NodeJS.ProcessEnv): Record<string, ModelPrice> {
  const raw = env.LLM_PRICES?.trim();
  if (!raw) return DEFAULT_PRICES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(
      `LLM_PRICES must be JSON like {"model":{"input":1,"cachedInput":0.25,"output":4}} (USD per million tokens); got: ${raw.slice(0, 80)}`,
    );
  }
  const table: Record<string, ModelPrice> = { ...DEFAULT_PRICES };
  for (const [model, price] of Object.entries(parsed as Record<string, Partial<ModelPrice>>)) {
    const { input, output } = price ?? {};
    if (typeof input !== "number" || typeof output !== "number") {
      throw new Error(`LLM_PRICES["${model}"] needs numeric "input" and "output" (USD per million tokens).`);
    }
    table[model] = {
      input,
      output,
      cachedInput: typeof price.cachedInput === "number" ? price.cachedInput : input,
    };
  }
  return table;
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
