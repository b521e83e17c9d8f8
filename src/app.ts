import type { ApplicationFunction, Logger } from "probot";
import type { AnalyticsStore } from "./analytics/analytics-store.ts";
import { DashboardSessions } from "./analytics/dashboard-sessions.ts";
import { FLOW_WEBHOOK_EVENTS } from "./analytics/flow-from-webhook.ts";
import { FlowMetrics } from "./analytics/flow-metrics.ts";
import { RateLimitGauge } from "./analytics/rate-limit-gauge.ts";
import type { Octokit } from "./github/octokit.ts";
import { handleCheckRerun } from "./handlers/handle-check-rerun.ts";
import { handleDashboard } from "./handlers/handle-dashboard.ts";
import { handleFlowEvent } from "./handlers/handle-flow-event.ts";
import { handleHealthz } from "./handlers/handle-healthz.ts";
import { handleMetrics } from "./handlers/handle-metrics.ts";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./handlers/handle-pull-request.ts";
import { handleTriageCommand } from "./handlers/handle-triage-command.ts";
import type { ModelPrice } from "./llm/estimate-cost.ts";
import type { LlmLimiter } from "./llm/llm-limiter.ts";
import type { LlmSettings } from "./llm/llm-settings.ts";
import { createTriageJobRunner } from "./queue/create-triage-job-runner.ts";
import type { Enqueue, JobStore } from "./queue/job-store.ts";
import { JobWorker } from "./queue/job-worker.ts";
import type { QueueSettings } from "./queue/queue-settings.ts";
import { WritePacer } from "./queue/write-pacer.ts";

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
  /** Hands out the worker: main drains it on SIGTERM, tests wait for the work after the ack. */
  onStart?: (started: { worker: JobWorker; log: Logger }) => void;
  /** Review-flow analytics; `dashboardToken` null keeps /metrics and /dashboard off (404). */
  analytics?: { store: AnalyticsStore; dashboardToken: string | null };
}

/** The routing table: which event goes to which handler. Handlers only guard and record. */
export function createApp(options: AppOptions): ApplicationFunction {
  return async (app, { addHandler }) => {
    const { store, appId, analytics } = options;
    const rateLimit = new RateLimitGauge();
    const worker = new JobWorker({
      store,
      concurrency: options.queue.concurrency,
      retry: options.queue.retry,
      log: app.log.child({ name: "queue" }),
      runner: createTriageJobRunner({
        auth: (installationId) => app.auth(installationId) as Promise<Octokit>,
        store,
        pacer: new WritePacer(options.queue.writes),
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
    app.on("check_run.rerequested", (context) => handleCheckRerun(context, enqueue));
    addHandler((req, res) => handleHealthz(req, res, worker));
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

    options.onStart?.({ worker, log: app.log });
    await worker.start();
  };
}
