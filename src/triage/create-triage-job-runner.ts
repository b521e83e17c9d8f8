import type { Logger } from "probot";
import type { AnalyticsStore } from "../analytics/analytics-store.ts";
import type { RateLimitGauge } from "../analytics/rate-limit-gauge.ts";
import { recordTriageAnalytics } from "../analytics/record-triage-analytics.ts";
import { errorMessage } from "../errors/error-message.ts";
import { httpStatus } from "../errors/http-status.ts";
import type { AppIdentity } from "../github/app-identity.ts";
import type { Octokit } from "../github/octokit.ts";
import { paceWrites } from "../github/pace-writes.ts";
import { reactToCommand } from "../github/react-to-command.ts";
import type { WriteGate } from "../github/write-gate.ts";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import type { LlmLimiter } from "../llm/llm-limiter.ts";
import type { HealthRecorder } from "../queue/health-recorder.ts";
import type { JobEnding, JobRunner } from "../queue/job-runner.ts";
import type { JobStore, StoredJob } from "../queue/job-store.ts";
import type { LlmSettings } from "../settings/llm-settings.ts";
import { authorizeTriageCommand } from "./authorize-triage-command.ts";
import { CheckRunLifecycle } from "./check-run-lifecycle.ts";
import { runTriageCommand } from "./run-triage-command.ts";
import { runTriageJob } from "./run-triage-job.ts";
import type { TriageOutcome } from "./triage-outcome.ts";

export interface TriageJobRunnerDeps {
  /** An installation client (Probot's `app.auth`); it gets this queue's write pacing. */
  auth: (installationId: number) => Promise<Octokit>;
  /** This app's bot account, read once per process (see readAppIdentity). */
  identity: () => Promise<AppIdentity>;
  store: JobStore;
  pacer: WriteGate;
  llm: LlmSettings | null;
  webHost: string;
  llmPrices?: Record<string, ModelPrice>;
  llmLimiter?: LlmLimiter;
  /** Token failures are recorded here for `/healthz`. */
  health?: HealthRecorder;
  /** Review-flow analytics: each completed triage is recorded, and GitHub's rate limit observed. */
  analytics?: { store: AnalyticsStore; rateLimit: RateLimitGauge };
}

/** Runs stored jobs through the triage pipeline, and closes their check runs when they end early. */
export function createTriageJobRunner(deps: TriageJobRunnerDeps): JobRunner {
  // Probot mints the installation token lazily, on the first request: a refused token shows up
  // as the error of whatever request came first, recognisable by the token endpoint's URL.
  const recordToken = (job: StoredJob, error: unknown): void => {
    const { request } = error as { request?: { url?: unknown } };
    if (!String(request?.url ?? "").includes("/access_tokens")) return;
    deps.health?.tokenFailed(job.installationId, httpStatus(error), errorMessage(error));
  };
  const client = async (job: StoredJob): Promise<Octokit> => {
    const octokit = await deps.auth(job.installationId);
    paceWrites(octokit, deps.pacer, job.installationId);
    const rateLimit = deps.analytics?.rateLimit;
    if (rateLimit) {
      octokit.hook.after("request", (response) => {
        rateLimit.observe(job.installationId, response.headers["x-ratelimit-remaining"]);
      });
    }
    return octokit;
  };

  const attempt = async (job: StoredJob, log: Logger): Promise<TriageOutcome> => {
    const octokit = await client(job);
    const command =
      job.trigger === "comment_command" || job.trigger === "review_comment_command"
        ? await runTriageCommand(octokit, job, log, deps.identity)
        : null;
    if (command?.kind === "done") return command.outcome;
    const headSha = job.headSha ?? command?.headSha ?? (await authorizeTriageCommand(octokit, job, log));
    if (headSha === null) return "denied";
    const ignore = command?.ignore ?? null;
    const { llmLimiter, analytics } = deps;
    // The webhook's time for PR events; commands and re-runs count from when the job started.
    const eventAt = (job.headSeenAt ? Date.parse(job.headSeenAt) : Number.NaN) || Date.now();
    const identity = await deps.identity();
    const outcome = await runTriageJob(
      {
        deliveryId: job.deliveryId,
        installationId: job.installationId,
        owner: job.owner,
        repo: job.repo,
        pullNumber: job.pullNumber,
        headSha,
        trigger: job.trigger,
      },
      {
        octokit,
        log,
        identity,
        llm: deps.llm,
        webHost: deps.webHost,
        ...(ignore ? { newIgnores: [ignore] } : {}),
        ...(deps.llmPrices ? { llmPrices: deps.llmPrices } : {}),
        ...(llmLimiter ? { llmSchedule: (task) => llmLimiter.run(job.installationId, task) } : {}),
        ...(analytics
          ? {
              onTriaged: (result, outcome) =>
                recordTriageAnalytics(
                  { octokit, store: analytics.store, log, identity },
                  { ...job, eventAt },
                  result,
                  outcome,
                ),
            }
          : {}),
        checkRun: {
          id: job.checkRunId,
          opened: async (id) => {
            // Durable before anything else happens, so a crash from here on reuses this check.
            if (id !== job.checkRunId) await deps.store.recordCheckRun(job.id, id, Date.now());
          },
        },
      },
    );
    // 👍 only once the summary holds the ignore: that is what makes it stick across pushes.
    if (ignore && outcome === "triaged" && job.requestedBy) {
      await reactToCommand(octokit, job, job.requestedBy.commentId, "+1");
    }
    return outcome;
  };

  return {
    async run(job, log) {
      try {
        const outcome = await attempt(job, log);
        deps.health?.tokenMinted(job.installationId);
        return outcome;
      } catch (error) {
        recordToken(job, error);
        throw error;
      }
    },

    async close(job, ending: JobEnding, log: Logger) {
      if (job.checkRunId === null) return;
      const repo = { owner: job.owner, repo: job.repo };
      const check = new CheckRunLifecycle(await client(job), repo, {
        id: job.checkRunId,
        opened: async () => {},
      });
      if (ending.kind === "superseded") await check.supersede();
      else await check.fail(job.attempts, ending.reason);
      log.info({ checkRun: job.checkRunId, ending: ending.kind }, "check run closed");
    },
  };
}
