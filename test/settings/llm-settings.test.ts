import { describe, expect, it } from "vitest";
import { diffTokenBudget } from "../../src/llm/diff-token-budget.ts";
import { readLlmSettings } from "../../src/settings/llm-settings.ts";

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
      deadlineMs: 300_000,
      concurrency: 4,
      cache: { dir: ".data", maxEntries: 2_000, maxAgeMs: 168 * 3_600_000 },
    });
  });

  it("marks an unset OPENAI_MODEL, so the run is labelled with the model the endpoint names", () => {
    expect(readLlmSettings({ OPENAI_API_KEY: "k" })).toMatchObject({
      model: "gpt-4.1-mini",
      modelIsDefault: true,
    });
    expect(readLlmSettings({ OPENAI_API_KEY: "k", OPENAI_MODEL: "gpt-4o" })).not.toHaveProperty(
      "modelIsDefault",
    );
  });

  it("reads the deadline, concurrency, Azure api-version and cache bounds", () => {
    expect(
      readLlmSettings({
        OPENAI_API_KEY: "k",
        OPENAI_DEADLINE_MS: "60000",
        OPENAI_CONCURRENCY: "1",
        OPENAI_API_VERSION: "2024-10-21",
        DATA_DIR: "/var/lib/pr-triage",
        LLM_CACHE_MAX_ENTRIES: "50",
        LLM_CACHE_MAX_AGE_HOURS: "2",
      }),
    ).toMatchObject({
      deadlineMs: 60_000,
      concurrency: 1,
      apiVersion: "2024-10-21",
      cache: { dir: "/var/lib/pr-triage", maxEntries: 50, maxAgeMs: 7_200_000 },
    });
    expect(readLlmSettings({ OPENAI_API_KEY: "k", LLM_CACHE_MAX_ENTRIES: "0" })).not.toHaveProperty("cache");
    expect(() => readLlmSettings({ OPENAI_API_KEY: "k", OPENAI_CONCURRENCY: "0" })).toThrow(
      'OPENAI_CONCURRENCY must be a whole number of at least 1, got "0". Unset it to use 4.',
    );
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
