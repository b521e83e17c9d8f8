import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countTokens } from "gpt-tokenizer";
import { defaultConfig } from "../src/config/config-schema.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { diffTokenBudget } from "../src/llm/diff-token-budget.ts";
import { SqliteLlmAnswerCache } from "../src/llm/sqlite-llm-answer-cache.ts";
import type { LlmSettings } from "../src/settings/llm-settings.ts";
import { prepareTriage } from "../src/triage/prepare-triage.ts";
import { runLlmStep } from "../src/triage/run-llm-step.ts";
import { FakeHttpServer } from "../test/helpers/fake-http-server.ts";
import { completion } from "../test/helpers/fake-llm.ts";

const CORPUS = new URL("../../shared/corpus/prs/", import.meta.url);
const POLICIES = "No repository policies apply to this pull request.";

/**
 * The answer cache on a re-run (a `/triage`, a check re-run or a retry on an unchanged head):
 * every corpus PR is triaged twice against a local OpenAI-compatible server, with the SQLite
 * cache in a fresh DATA_DIR, against the same re-run without a cache. Prints the hit rate and
 * the requests and input tokens each re-run pays.
 */
export async function runLlmCacheBench(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log("skipped: ../shared/corpus/prs not found");
    return;
  }
  const server = new FakeHttpServer().route(() => ({
    status: 200,
    body: completion(JSON.stringify({ findings: [] })),
  }));
  const host = await server.start();
  const dir = mkdtempSync(join(tmpdir(), "pr-triage-cache-bench-"));
  const cache = new SqliteLlmAnswerCache({ dir, maxEntries: 10_000, maxAgeMs: 3_600_000 });
  const settings: LlmSettings = {
    apiKey: "bench",
    baseURL: `http://${host}/v1`,
    model: "bench-model",
    timeoutMs: 30_000,
    maxRetries: 0,
  };
  const config = defaultConfig();
  const names = readdirSync(CORPUS).filter((name) => name.endsWith(".diff"));
  const runs = { cold: paid(), cached: paid(), uncached: paid() };
  let parts = 0;
  let hits = 0;
  try {
    for (const name of names) {
      const files = parseUnifiedDiff(readFileSync(new URL(name, CORPUS), "utf8"));
      const pr = { author: "someone", authorType: "User", headRef: "feature", title: name, body: "" };
      const prepared = await prepareTriage(
        { files, config, pr },
        diffTokenBudget(config.llm.maxInputTokens, POLICIES, pr.title, pr.body),
      );
      const triage = (withCache: boolean) =>
        runLlmStep(
          {
            settings,
            config,
            prepared,
            pr,
            policies: POLICIES,
            prices: {},
            cache: withCache ? cache : null,
          },
          { info: () => {}, warn: () => {} },
        );
      for (const [run, withCache] of [
        [runs.cold, true],
        [runs.cached, true],
        [runs.uncached, false],
      ] as const) {
        const before = server.requests.length;
        const { outcome } = await triage(withCache);
        run.add(server.requests.slice(before));
        if (run === runs.cached && outcome.mode === "ok") {
          parts += outcome.facts?.parts ?? 0;
          hits += outcome.facts?.cachedAnswers ?? 0;
        }
      }
    }
  } finally {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
  console.log(`corpus PRs: ${names.length}, LLM parts per triage: ${parts}`);
  console.log(`first triage (cold cache):        ${runs.cold.line()}`);
  console.log(`re-run, no cache (alternative):   ${runs.uncached.line()}`);
  console.log(`re-run, answer cache:             ${runs.cached.line()}`);
  console.log(
    `cache hit rate on the re-run: ${hits}/${parts} = ${((100 * hits) / Math.max(1, parts)).toFixed(1)}%; ` +
      `input tokens paid, cached re-run vs uncached re-run: ${ratio(runs.cached.tokens, runs.uncached.tokens)}`,
  );
}

function paid() {
  return {
    requests: 0,
    tokens: 0,
    add(sent: { body: unknown }[]) {
      this.requests += sent.length;
      for (const request of sent) {
        const { messages } = request.body as { messages: { content: string }[] };
        this.tokens += messages.reduce((sum, m) => sum + countTokens(m.content), 0);
      }
    },
    line() {
      return `${this.requests} requests, ${this.tokens} input tokens`;
    },
  };
}

function ratio(a: number, b: number): string {
  return b === 0 ? "n/a" : `${(a / b).toFixed(3)}×`;
}
