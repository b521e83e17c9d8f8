import { z } from "zod";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import { textVar } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

/** Public list prices of common models; override or extend with `LLM_PRICES` (JSON). */
const DEFAULT_PRICES: Record<string, ModelPrice> = {
  "gpt-4.1": { input: 2, cachedInput: 0.5, output: 8 },
  "gpt-4.1-mini": { input: 0.4, cachedInput: 0.1, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, cachedInput: 0.025, output: 0.4 },
  "gpt-4o": { input: 2.5, cachedInput: 1.25, output: 10 },
  "gpt-4o-mini": { input: 0.15, cachedInput: 0.075, output: 0.6 },
};

export const pricesEnvSchema = z.object({
  LLM_PRICES: textVar.transform((raw, ctx): Record<string, ModelPrice> => {
    if (!raw) return DEFAULT_PRICES;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `LLM_PRICES must be JSON like {"model":{"input":1,"cachedInput":0.25,"output":4}} (USD per million tokens); got: ${raw.slice(0, 80)}`,
      });
      return z.NEVER;
    }
    const table: Record<string, ModelPrice> = { ...DEFAULT_PRICES };
    for (const [model, price] of Object.entries(parsed as Record<string, Partial<ModelPrice>>)) {
      const { input, output } = price ?? {};
      if (typeof input !== "number" || typeof output !== "number") {
        ctx.addIssue({
          code: "custom",
          message: `LLM_PRICES["${model}"] needs numeric "input" and "output" (USD per million tokens).`,
        });
        return z.NEVER;
      }
      table[model] = {
        input,
        output,
        cachedInput: typeof price.cachedInput === "number" ? price.cachedInput : input,
      };
    }
    return table;
  }),
});

/**
 * Reads the price table: the defaults, merged with `LLM_PRICES`, e.g.
 * `{"my-model":{"input":1,"cachedInput":0.25,"output":4}}`.
 */
export function readPriceTable(env: NodeJS.ProcessEnv): Record<string, ModelPrice> {
  return parseEnv(pricesEnvSchema, env).LLM_PRICES;
}
