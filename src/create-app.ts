import type { ApplicationFunction, Logger } from "probot";
import type { AnalyticsStore } from "./analytics/analytics-store.ts";
import { DashboardSessions } from "./analytics/dashboard-sessions.ts";
import { FLOW_WEBHOOK_EVENTS } from "./analytics/flow-from-webhook.ts";
import { FlowMetrics } from "./analytics/flow-metrics.ts";
import { RateLimitGauge } from "./analytics/rate-limit-gauge.ts";
import { type AppIdentity, readAppIdentity } from "./github/app-identity.ts";
import { githubRetryError } from "./github/github-retry-error.ts";
import type { Octokit } from "./github/octokit.ts";
import type { WriteGate } from "./github/write-gate.ts";
import { WritePacer } from "./github/write-pacer.ts";
import { handleCheckRerun } from "./handlers/handle-check-rerun.ts";
import { handleDashboard } from "./handlers/handle-dashboard.ts";
import { handleFlowEvent } from "./handlers/handle-flow-event.ts";
import { handleHealthz } from "./handlers/handle-healthz.ts";
import { handleMetrics } from "./handlers/handle-metrics.ts";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./handlers/handle-pull-request.ts";
import { handleReviewCommentCommand } from "./handlers/handle-review-comment-command.ts";
import { handleTriageCommand } from "./handlers/handle-triage-command.ts";
import type { ModelPrice } from "./llm/estimate-cost.ts";
import type { LlmLimiter } from "./llm/llm-limiter.ts";
import { HealthRecorder } from "./queue/health-recorder.ts";
import type { Enqueue, JobStore } from "./queue/job-store.ts";
import { JobWorker } from "./queue/job-worker.ts";
import type { RecoveryLedger } from "./queue/recovery-ledger.ts";
import type { LlmSettings } from "./settings/llm-settings.ts";
import type { QueueSettings } from "./settings/queue-settings.ts";
import type { RecoverySettings } from "./settings/recovery-settings.ts";
import { createTriageJobRunner } from "./triage/create-triage-job-runner.ts";
import { RecoverySchedule } from "./triage/recovery/recovery-schedule.ts";

export interface AppOptions {
  llm: LlmSettings | null;
  /** `github.com`, or the GitHub Enterprise host. */
  webHost: string;
  /** This app's id (`APP_ID`): events the app caused itself are ignored. */
  appId: number | null;
  /** Where accepted deliveries are recorded before the ack. */
  store: JobStore;
  queue: Pick<QueueSettings, "concurrency" | "retry" | "writes">;
  llmPrices?: Record<string, ModelPrice>;
  llmLimiter?: LlmLimiter;
  /** Write pacing shared by replicas (PostgreSQL); default: paced in this process. */
  pacer?: WriteGate;
  /** Missed-delivery recovery, when configured (needs `appId`; `intervalMs` 0 turns it off). */
  recovery?: { settings: RecoverySettings; ledger: RecoveryLedger };
  /** Hands out the worker: main drains it on SIGTERM, tests wait for the work after the ack. */
  onStart?: (started: { worker: JobWorker; log: Logger; recovery?: RecoverySchedule }) => void;
  /** Review-flow analytics; `dashboardToken` null keeps /metrics and /dashboard off (404). */
  analytics?: { store: AnalyticsStore; dashboardToken: string | null };
}

/** The routing table: which event goes to which handler. Handlers only guard and record. */
export function createApp(options: AppOptions): ApplicationFunction {
  return async (app, { addHandler }) => {
    const { store, appId, analytics } = options;
    const rateLimit = new RateLimitGauge();
    // Read once per process; a failure is retried by the next job instead of being remembered.
    let identity: Promise<AppIdentity> | undefined;
    const appIdentity = (): Promise<AppIdentity> => {
      identity ??= (app.auth() as Promise<Octokit>)
        .then((jwt) => readAppIdentity(jwt, appId))
        .catch((error: unknown) => {
          identity = undefined;
          throw error;
        });
      return identity;
    };
    const health = new HealthRecorder();
    const worker = new JobWorker({
      store,
      health,
      concurrency: options.queue.concurrency,
      retry: options.queue.retry,
      log: app.log.child({ name: "queue" }),
      classifyError: githubRetryError,
      runner: createTriageJobRunner({
        auth: (installationId) => app.auth(installationId) as Promise<Octokit>,
        identity: appIdentity,
        health,
        store,
        pacer: options.pacer ?? new WritePacer(options.queue.writes),
        llm: options.llm,
        webHost: options.webHost,
        ...(options.llmPrices ? { llmPrices: options.llmPrices } : {}),
        ...(options.llmLimiter ? { llmLimiter: options.llmLimiter } : {}),
        ...(analytics ? { analytics: { store: analytics.store, rateLimit } } : {}),
      }),
    });
    const enqueue: Enqueue = async (delivery, requests) => {
      const result = await store.accept(delivery, requests, Date.now());
      worker.accepted();
      return result;
    };

    app.on([...PULL_REQUEST_EVENTS], (context) => handlePullRequest(context, enqueue, appId));
    app.on("issue_comment.created", (context) => handleTriageCommand(context, enqueue, appId));
    app.on("pull_request_review_comment.created", (context) =>
      handleReviewCommentCommand(context, enqueue, appId),
    );
    app.on("check_run.rerequested", (context) => handleCheckRerun(context, enqueue));
    const recovery =
      options.recovery && appId !== null && options.recovery.settings.intervalMs > 0
        ? new RecoverySchedule(
            {
              appOctokit: () => app.auth() as Promise<Octokit>,
              installationOctokit: (installationId) => app.auth(installationId) as Promise<Octokit>,
              ledger: options.recovery.ledger,
              enqueue,
              settings: options.recovery.settings,
              log: app.log.child({ name: "recovery" }),
            },
            options.recovery.settings.intervalMs,
          )
        : undefined;
    const healthSource = {
      stats: () => worker.stats(),
      get stopping() {
        return worker.stopping;
      },
      health: () => worker.health(),
      storeHealth: () => store.health(),
      ...(recovery ? { recovery: () => recovery.last() } : {}),
    };
    addHandler((req, res) => handleHealthz(req, res, healthSource));
    if (analytics) {
      app.on([...FLOW_WEBHOOK_EVENTS], (context) => handleFlowEvent(context, analytics.store));
      const token = analytics.dashboardToken;
      const routes = {
        store: analytics.store,
        sessions: token ? new DashboardSessions(token) : null,
        queue: worker,
        rateLimit,
        metrics: new FlowMetrics(),
        webHost: options.webHost,
      };
      addHandler((req, res) => handleMetrics(req, res, routes));
      addHandler((req, res) => handleDashboard(req, res, routes));
    }

    options.onStart?.({ worker, log: app.log, ...(recovery ? { recovery } : {}) });
    // Not awaited: the server must listen (and fail readiness) while a database migrates.
    worker.start().then(
      () => recovery?.start(),
      (error: unknown) => app.log.error({ err: error }, "the job worker could not start"),
    );
  };
}
