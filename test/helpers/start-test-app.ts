import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot } from "probot";
import { createApp } from "../../src/create-app.ts";
import { JobOctokit } from "../../src/github/job-octokit.ts";
import type { JobWorker } from "../../src/queue/job-worker.ts";
import { openSqliteJobStore } from "../../src/queue/sqlite-job-store.ts";
import { FAKE_LLM_URL } from "./fake-llm.ts";
import { TEST_PRIVATE_KEY } from "./test-key.ts";

export interface TestApp {
  probot: Probot;
  /** Resolves once the app is loaded and its queue has nothing left to run. */
  idle: () => Promise<void>;
  /** Stops the worker, closes the store and removes its folder. */
  stop: () => Promise<void>;
}

/**
 * The real app in a real Probot, on a fresh SQLite queue, GitHub through nock (no retries, so a
 * missing mock fails at once) and, with `llm`, the fake LLM endpoint. One attempt per job.
 */
export function startTestApp(options: { llm: boolean; concurrency?: number }): TestApp {
  let worker: JobWorker | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "pr-triage-app-test-"));
  const store = openSqliteJobStore(dataDir);
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_PRIVATE_KEY,
    logLevel: (process.env.TEST_LOG_LEVEL ?? "silent") as "info",
    Octokit: JobOctokit.defaults({ retry: { enabled: false } }),
  });
  const loaded = probot.load(
    createApp({
      llm: options.llm
        ? { apiKey: "sk-test", baseURL: FAKE_LLM_URL, model: "test-model", timeoutMs: 5_000, maxRetries: 0 }
        : null,
      webHost: "github.com",
      appId: 1,
      store,
      queue: {
        concurrency: options.concurrency ?? 2,
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        writes: { perMinute: 80, perHour: 500 },
      },
      onStart: (started) => {
        worker = started.worker;
      },
    }),
    { addHandler: () => {} } as never,
  );
  return {
    probot,
    idle: async () => {
      await loaded;
      await worker?.onIdle();
    },
    stop: async () => {
      await worker?.stop(1_000);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
