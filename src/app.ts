import type { ApplicationFunction } from "probot";
import { handleCheckRerun } from "./handlers/handle-check-rerun.ts";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./handlers/handle-pull-request.ts";
import { handleTriageCommand } from "./handlers/handle-triage-command.ts";
import type { ModelPrice } from "./llm/estimate-cost.ts";
import { LlmLimiter } from "./llm/llm-limiter.ts";
import type { LlmSettings } from "./llm/llm-settings.ts";
import { TriageQueue } from "./queue/triage-queue.ts";
import { runTriageJob } from "./triage/run-triage-job.ts";

export interface AppOptions {
  llm: LlmSettings | null;
  /** `github.com`, or the GitHub Enterprise host. */
  webHost: string;
  /** USD per million tokens, for the cost line of each summary. */
  llmPrices?: Record<string, ModelPrice>;
  concurrency?: number;
  /** Lets tests wait for the work that runs after the ack. */
  onQueue?: (queue: TriageQueue) => void;
}

/** The routing table: which event goes to which handler. Handlers only guard and enqueue. */
export function createApp(options: AppOptions): ApplicationFunction {
  return (app, { addHandler }) => {
    const llmLimiter = new LlmLimiter();
    const queue = new TriageQueue(async (job) => {
      const log = app.log.child({
        delivery: job.deliveryId,
        installation: job.installationId,
        repo: `${job.owner}/${job.repo}`,
        pr: job.pullNumber,
        head: job.headSha,
      });
      try {
        const octokit = await app.auth(job.installationId);
        const outcome = await runTriageJob(job, {
          octokit,
          log,
          llm: options.llm,
          webHost: options.webHost,
          llmPrices: options.llmPrices ?? {},
          llmSchedule: (task) => llmLimiter.run(job.installationId, task),
        });
        log.info({ outcome }, "triage job finished");
      } catch (error) {
        log.error({ err: error }, "triage job failed");
      }
    }, options.concurrency ?? 2);
    options.onQueue?.(queue);

    app.on([...PULL_REQUEST_EVENTS], (context) => handlePullRequest(context, queue));
    app.on("issue_comment.created", (context) => handleTriageCommand(context, queue));
    app.on("check_run.rerequested", (context) => handleCheckRerun(context, queue));

    addHandler((req, res) => {
      if (req.method !== "GET" || req.url !== "/healthz") return false;
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "ok", queued: queue.size }));
      return true;
    });
  };
}
