import { describe, expect, it } from "vitest";
import { diffTokenBudget } from "../../src/llm/diff-token-budget.ts";
import { readLlmSettings } from "../../src/llm/llm-settings.ts";

describe("readLlmSettings", () => {
  it("returns null without a key: analyzers-only mode", () => {
    expect(readLlmSettings({})).toBeNull();
    expect(readLlmSettings({ OPENAI_API_KEY: "  " })).toBeNull();
  });

  it("reads endpoint and model from the environment, with defaults", () => {
    expect(
      readLlmSettings({
        OPENAI_API_KEY: "k",
        OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
        OPENAI_MODEL: "llama3",
      }),
    ).toEqual({
      apiKey: "k",
      baseURL: "http://127.0.0.1:11434/v1",
      model: "llama3",
      timeoutMs: 120_000,
      maxRetries: 2,
    });
  });

  it("explains a bad number instead of silently using it", () => {
    expect(() => readLlmSettings({ OPENAI_API_KEY: "k", OPENAI_TIMEOUT_MS: "soon" })).toThrow(
      'OPENAI_TIMEOUT_MS must be a whole number of at least 0, got "soon". Unset it to use 120000.',
    );
  });
});

describe("diffTokenBudget", () => {
  it("leaves less room for the diff when policies and the description take more", () => {
    const bare = diffTokenBudget(32_000, "No policies.", "t", "");
    const heavy = diffTokenBudget(32_000, "Policy text. ".repeat(500), "t", "Body. ".repeat(200));
    expect(bare).toBeLessThan(32_000);
    expect(heavy).toBeLessThan(bare - 1_000);
    // Never below a useful minimum, even with an absurdly small budget.
    expect(diffTokenBudget(2_000, "Policy text. ".repeat(2_000), "t", "")).toBe(1_000);
  });
});
