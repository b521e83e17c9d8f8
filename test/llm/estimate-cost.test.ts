import { describe, expect, it } from "vitest";
import { estimateCost } from "../../src/llm/estimate-cost.ts";
import { readPriceTable } from "../../src/settings/read-price-table.ts";

const usage = { inputTokens: 1_000_000, cachedTokens: 400_000, outputTokens: 100_000, requests: 3 };

describe("estimateCost", () => {
  it("bills cached input at the cached price, and knows dated model names", () => {
    const prices = readPriceTable({});
    // 600k × $0.40 + 400k × $0.10 + 100k × $1.60 per million = 0.24 + 0.04 + 0.16
    expect(estimateCost("gpt-4.1-mini", usage, prices)).toBeCloseTo(0.44, 10);
    expect(estimateCost("gpt-4.1-mini-2025-04-14", usage, prices)).toBeCloseTo(0.44, 10);
  });

  it("says unknown (null) for a model without a price, rather than guessing", () => {
    expect(estimateCost("llama3:70b", usage, readPriceTable({}))).toBeNull();
  });

  it("merges LLM_PRICES over the defaults; cached input defaults to the input price", () => {
    const prices = readPriceTable({ LLM_PRICES: '{"llama3:70b":{"input":1,"output":2}}' });
    expect(estimateCost("llama3:70b", usage, prices)).toBeCloseTo(1 + 0.2, 10);
    expect(prices["gpt-4.1-mini"]).toBeDefined();
  });

  it("explains a malformed LLM_PRICES", () => {
    expect(() => readPriceTable({ LLM_PRICES: "{oops" })).toThrow(/LLM_PRICES must be JSON like/);
    expect(() => readPriceTable({ LLM_PRICES: '{"m":{"input":"1"}}' })).toThrow(
      'LLM_PRICES["m"] needs numeric "input" and "output" (USD per million tokens).',
    );
  });
});
