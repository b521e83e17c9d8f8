import { existsSync } from "node:fs";
import { type Logger, run } from "probot";
import { PgAnalyticsStore } from "./analytics/pg-analytics-store.ts";
import { openSqliteAnalyticsStore } from "./analytics/sqlite-analytics-store.ts";
import { createApp } from "./create-app.ts";
import { errorMessage } from "./errors/error-message.ts";
import { credentialProblems } from "./github/credential-problems.ts";
import { JobOctokit } from "./github/job-octokit.ts";
import { normalizePrivateKey } from "./github/normalize-private-key.ts";
import { sharedLlmLimiter } from "./llm/shared-llm-limiter.ts";
import { openJobStore } from "./open-job-store.ts";
import type { JobWorker } from "./queue/job-worker.ts";
import { PgJobStore } from "./queue/pg-job-store.ts";
import { shutDownGracefully } from "./queue/shut-down-gracefully.ts";
import { readSettings, type Settings } from "./settings/read-settings.ts";
import type { RecoverySchedule } from "./triage/recovery/recovery-schedule.ts";

// Probot reads .env too, but our checks must see the same values before it starts.
if (existsSync(".env")) process.loadEnvFile(".env");
// Accept the key with quotes and literal \n (as setup writes it and `docker --env-file` keeps it).
if (process.env.PRIVATE_KEY) process.env.PRIVATE_KEY = normalizePrivateKey(process.env.PRIVATE_KEY);

// 1. Refuse to start insecurely or misconfigured, saying what to fix.
const read = readSettings(process.env);
const problems = [...(read.ok ? [] : read.problems), ...credentialProblems(process.env)];
if (!read.ok || problems.length > 0) fail(problems.map((p) => `  - ${p}`).join("\n"));
const { server: app, github, llm, llmPrices, queue, recovery } = read.settings;

let opened: ReturnType<typeof openStores>;
try {
  opened = openStores(read.settings);
} catch (error) {
  fail(errorMessage(error));
}
const { store, analytics } = opened;
// PostgreSQL migrates in the background while the server already answers (readiness fails).
opened.ready.catch((error: unknown) => fail(errorMessage(error)));

// 2. Start the server; the worker resumes whatever the last process left in the store.
let started: { worker: JobWorker; log: Logger; recovery?: RecoverySchedule } | undefined;
const probotSigint = new Set(process.listeners("SIGINT"));
const server = await run(
  createApp({
    llm,
    llmPrices,
    llmLimiter: sharedLlmLimiter(llm ?? {}),
    webHost: github.webHost,
    appId: app.appId,
    store,
    queue,
    pacer: opened.pacer,
    recovery: { settings: recovery, ledger: opened.ledger },
    analytics: { store: analytics.store, dashboardToken: analytics.dashboardToken },
    onStart: (parts) => {
      started = parts;
    },
  }),
  { Octokit: JobOctokit },
);

// 3. Retention: analytics older than ANALYTICS_RETENTION_DAYS goes at start, then every 6 hours;
// SQLite's WAL is checkpointed every 30 s when no webhook is arriving (PostgreSQL: nothing to do).
const pruneAnalytics = (): void => {
  analytics.store
    .prune(Date.now() - analytics.retentionDays * 86_400_000)
    .catch((error: unknown) => started?.log.warn({ err: error }, "analytics retention pruning failed"));
};
pruneAnalytics();
setInterval(pruneAnalytics, 6 * 3_600_000).unref();
setInterval(() => {
  analytics.store
    .housekeep(Date.now())
    .catch((error: unknown) => started?.log.warn({ err: error }, "analytics upkeep failed"));
}, 30_000).unref();

// 4. Drain on SIGTERM and SIGINT. Probot's own SIGINT handler exits at once; it is replaced.
for (const listener of process.listeners("SIGINT")) {
  if (!probotSigint.has(listener)) process.off("SIGINT", listener);
}
let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  // Setup mode (no app configured yet) has no worker to drain.
  if (!started) process.exit(0);
  // A hung close must not keep the process from exiting.
  setTimeout(() => process.exit(1), queue.shutdownTimeoutMs + 10_000).unref();
  shutDownGracefully({ ...started, server, store, timeoutMs: queue.shutdownTimeoutMs }, signal).then(
    () => process.exit(0),
    (error: unknown) => {
      started?.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

function openStores(settings: Pick<Settings, "queue" | "store" | "analytics">) {
  // DATABASE_URL set: PostgreSQL shared by several replicas; unset: SQLite in DATA_DIR.
  const opened = openJobStore(settings.queue, settings.store);
  // Analytics live beside the jobs: in PostgreSQL on the job store's pool, else in DATA_DIR.
  const analyticsStore =
    opened.store instanceof PgJobStore
      ? new PgAnalyticsStore(opened.store.pool, opened.ready)
      : openSqliteAnalyticsStore(settings.queue.dataDir);
  return { ...opened, analytics: { ...settings.analytics, store: analyticsStore } };
}

function fail(message: string): never {
  console.error(`pr-triage cannot start:\n${message}`);
  process.exit(1);
}
