import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig, type TriageConfig } from "../../src/config/config-schema.ts";
import { SqliteLlmAnswerCache } from "../../src/llm/sqlite-llm-answer-cache.ts";
import type { LlmSettings } from "../../src/settings/llm-settings.ts";
import type { PreparedTriage } from "../../src/triage/prepare-triage.ts";
import { runLlmStep } from "../../src/triage/run-llm-step.ts";
import { completion } from "../helpers/fake-llm.ts";

const VALID = JSON.stringify({
  findings: [
    {
      path: "a.ts",
      line: 1,
      start_line: null,
      side: "RIGHT",
      severity: "high",
      category: "bug",
      title: "Wrong",
      body: "Because.",
      confidence: 0.9,
      policy: null,
    },
  ],
});

function prepared(parts: number): PreparedTriage {
  return {
    analyzerFindings: [],
    secrets: [],
    analyzersOnly: [],
    pack: {
      chunks: Array.from({ length: parts }, (_, i) => ({
        files: [`f${i}.ts`],
        text: `## File: f${i}.ts\n1 +x${i}`,
        tokens: 5,
      })),
      skipped: [],
    },
  };
}

const quiet = { info: () => {}, warn: () => {} };

/** Each test gets its own endpoint, so what one learns about it (or queues on it) is its own. */
let endpoint = 0;
function settings(overrides: Partial<LlmSettings> = {}): LlmSettings {
  endpoint++;
  return {
    apiKey: "sk-test",
    baseURL: `https://llm-${endpoint}.test/v1`,
    model: "test-model",
    timeoutMs: 5_000,
    maxRetries: 0,
    ...overrides,
  };
}

function step(
  s: LlmSettings,
  parts: number,
  extra: { cache?: SqliteLlmAnswerCache; config?: TriageConfig } = {},
) {
  return runLlmStep(
    {
      settings: s,
      config: extra.config ?? defaultConfig(),
      prepared: prepared(parts),
      pr: { title: "t", body: "b" },
      policies: "No policies.",
      prices: {},
      ...(extra.cache ? { cache: extra.cache } : {}),
    },
    quiet,
  );
}

/** Answers every request after a short wait, tracking how many were in flight at once. */
function slowLlm(s: LlmSettings) {
  const seen = { peak: 0, active: 0, bodies: [] as Record<string, unknown>[] };
  nock(s.baseURL?.replace(/\/v1$/, "") ?? "")
    .post("/v1/chat/completions", (body) => {
      seen.bodies.push(body);
      return true;
    })
    .times(10)
    .reply((_uri, _body, callback) => {
      seen.active++;
      seen.peak = Math.max(seen.peak, seen.active);
      setTimeout(() => {
        seen.active--;
        callback(null, [200, completion(VALID)]);
      }, 40);
    });
  return seen;
}

describe("runLlmStep", () => {
  let dir: string;
  beforeEach(() => {
    nock.disableNetConnect();
    dir = mkdtempSync(join(tmpdir(), "llm-step-"));
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("without a schedule, queues requests on the OPENAI_CONCURRENCY limiter (1 for a local server)", async () => {
    const one = settings({ concurrency: 1 });
    const seenOne = slowLlm(one);
    const result = await step(one, 3);
    expect(result.outcome.mode).toBe("ok");
    expect(seenOne.bodies).toHaveLength(3);
    expect(seenOne.peak).toBe(1);

    const three = settings({ concurrency: 3 });
    const seenThree = slowLlm(three);
    await step(three, 3);
    expect(seenThree.peak).toBe(3);
  });

  it("sends the configured output budget", async () => {
    const s = settings();
    const seen = slowLlm(s);
    await step(s, 1, {
      config: { ...defaultConfig(), llm: { ...defaultConfig().llm, maxOutputTokens: 1_234 } },
    });
    expect(seen.bodies[0]).toHaveProperty("max_tokens", 1_234);
  });

  it("a re-run on an unchanged head is answered from the cache: no request, same findings, stated", async () => {
    const cache = new SqliteLlmAnswerCache({ dir, maxEntries: 100, maxAgeMs: 3_600_000 });
    const s = settings({ cache: { dir, maxEntries: 100, maxAgeMs: 3_600_000 } });
    const seen = slowLlm(s);
    const first = await step(s, 3, { cache });
    expect(seen.bodies).toHaveLength(3);
    const second = await step(s, 3, { cache });
    expect(seen.bodies).toHaveLength(3);
    expect(second.findings).toEqual(first.findings);
    expect(second.outcome).toMatchObject({
      mode: "ok",
      model: "test-model",
      usage: { requests: 0, inputTokens: 0 },
      facts: { outputMode: "cache", cachedAnswers: 3, parts: 3 },
    });
    // A changed part misses; the others still hit.
    const changed = await runLlmStep(
      {
        settings: s,
        config: defaultConfig(),
        prepared: {
          ...prepared(3),
          pack: {
            chunks: [
              ...prepared(2).pack.chunks,
              { files: ["n.ts"], text: "## File: n.ts\n1 +new", tokens: 5 },
            ],
            skipped: [],
          },
        },
        pr: { title: "t", body: "b" },
        policies: "No policies.",
        prices: {},
        cache,
      },
      quiet,
    );
    expect(seen.bodies).toHaveLength(4);
    expect(changed.outcome).toMatchObject({
      facts: { cachedAnswers: 2, parts: 3, outputMode: "json_schema" },
    });
    cache.close();
  });

  it("with OPENAI_MODEL unset, labels the run with the model the endpoint names, and prices only known models", async () => {
    const s = settings({ model: "gpt-4.1-mini", modelIsDefault: true });
    nock(s.baseURL?.replace(/\/v1$/, "") ?? "")
      .post("/v1/chat/completions")
      .reply(200, { ...completion(VALID), model: "qwen2.5-coder:7b" });
    const result = await runLlmStep(
      {
        settings: s,
        config: defaultConfig(),
        prepared: prepared(1),
        pr: { title: "t", body: "b" },
        policies: "No policies.",
        prices: { "gpt-4.1-mini": { input: 0.4, cachedInput: 0.1, output: 1.6 } },
      },
      quiet,
    );
    expect(result.outcome).toMatchObject({ mode: "ok", model: "qwen2.5-coder:7b", costUsd: null });
  });
});
