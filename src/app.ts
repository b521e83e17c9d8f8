import type { ApplicationFunction, Logger } from "probot";
import { type AppIdentity, readAppIdentity } from "./github/app-identity.ts";
import type { Octokit } from "./github/octokit.ts";
import { handleCheckRerun } from "./handlers/handle-check-rerun.ts";
import { handleHealthz } from "./handlers/handle-healthz.ts";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./handlers/handle-pull-request.ts";
import { handleReviewCommentCommand } from "./handlers/handle-review-comment-command.ts";
import { handleTriageCommand } from "./handlers/handle-triage-command.ts";
import type { ModelPrice } from "./llm/estimate-cost.ts";
import type { LlmLimiter } from "./llm/llm-limiter.ts";
import type { LlmSettings } from "./llm/llm-settings.ts";
import { createTriageJobRunner } from "./queue/create-triage-job-runner.ts";
import { HealthRecorder } from "./queue/health-recorder.ts";
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
}

/** The routing table: which event goes to which handler. Handlers only guard and record. */
export function createApp(options: AppOptions): ApplicationFunction {
  return async (app, { addHandler }) => {
    const { store, appId } = options;
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
      runner: createTriageJobRunner({
        auth: (installationId) => app.auth(installationId) as Promise<Octokit>,
        identity: appIdentity,
        health,
        store,
        pacer: new WritePacer(options.queue.writes),
        llm: options.llm,
        webHost: options.webHost,
        ...(options.llmPrices ? { llmPrices: options.llmPrices } : {}),
        ...(options.llmLimiter ? { llmLimiter: options.llmLimiter } : {}),
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
    addHandler((req, res) => handleHealthz(req, res, worker));

    options.onStart?.({ worker, log: app.log });
    await worker.start();
  };
}
