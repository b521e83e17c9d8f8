import type { Logger } from "probot";
import { ownersForPaths } from "../codeowners/owners-for-paths.ts";
import type { AppIdentity } from "../github/app-identity.ts";
import type { Octokit } from "../github/octokit.ts";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import type { Schedule } from "../llm/review-with-llm.ts";
import { renderAnnotations } from "../render/render-annotations.ts";
import { renderCheckOutput } from "../render/render-check-output.ts";
import type { IgnoreEntry } from "../render/summary-state.ts";
import type { PublishOutcome } from "../review/publish-outcome.ts";
import type { TriageResult } from "../review/triage-result.ts";
import { riskyPaths } from "../routing/risky-paths.ts";
import type { LlmSettings } from "../settings/llm-settings.ts";
import { CheckRunLifecycle, type KnownCheckRun } from "./check-run-lifecycle.ts";
import { githubPullRequestSource } from "./github-pull-request-source.ts";
import { publishTriage } from "./publish-triage.ts";
import type { TriageJob } from "./triage-job.ts";
import type { PullRequestOutcome } from "./triage-outcome.ts";
import { triagePullRequest } from "./triage-pull-request.ts";

export interface JobDeps {
  octokit: Octokit;
  log: Logger;
  /** This app's bot account: only its own reviews and comments carry markers that count. */
  identity: AppIdentity;
  llm: LlmSettings | null;
  /** `github.com`, or the GHE host: links elsewhere are stripped from posted text. */
  webHost: string;
  /** Price table for cost estimates, and the LLM concurrency limiter (global + per installation). */
  llmPrices?: Record<string, ModelPrice>;
  llmSchedule?: Schedule;
  /**
   * From the durable queue: the check run an earlier attempt opened (reused, so retries do not
   * stack checks) and where to record a new one. The queue closes the check when an attempt
   * fails, since only it knows whether another attempt follows.
   */
  checkRun: KnownCheckRun;
  /** A `/triage ignore` being applied by this run; the summary state keeps it for later pushes. */
  newIgnores?: readonly IgnoreEntry[];
  /** Told of each triage once its check is complete (review-flow analytics). */
  onTriaged?: (result: TriageResult, outcome: PublishOutcome) => Promise<void>;
}

/** One triage, as a recipe: load, collect, analyze, review, conclude, publish. */
export async function runTriageJob(job: TriageJob, deps: JobDeps): Promise<PullRequestOutcome> {
  const { octokit, log } = deps;
  const repo = { owner: job.owner, repo: job.repo };

  const source = githubPullRequestSource(octokit, repo, job.pullNumber, { identity: deps.identity, log });
  const check = new CheckRunLifecycle(octokit, repo, deps.checkRun);
  // Stopping before the check opens still closes the one an earlier attempt left in progress.
  const skip = async (outcome: PullRequestOutcome): Promise<PullRequestOutcome> => {
    await check.skip(outcome);
    return outcome;
  };

  // 1. Re-read the PR: the event may be old, and a stale head must never be posted.
  const pr = await source.pull();
  if (pr.state !== "open") return skip("skipped-closed");
  if (pr.head.sha !== job.headSha) return skip("skipped-stale");

  // 2. Config and policies come from the base branch, the trust root; read before the check
  // opens, so a repository whose base files cannot be read gets no check stuck in progress.
  const { config } = await source.config();
  if (!config.enabled) return skip("disabled");
  if (pr.draft && !config.drafts && job.trigger === "pull_request") return skip("skipped-draft");
  await source.policies();
  await source.codeowners();

  await check.open(pr.head.sha);

  // 3–7. The one triage core (shared with the CLI): the diff, the analyzers, the LLM on what
  // changed since the last triaged head, anchoring and scoring, remembering earlier pushes.
  const { result, files, codeowners } = await triagePullRequest(
    source,
    {
      llm: deps.llm,
      prices: deps.llmPrices ?? {},
      ...(deps.llmSchedule ? { schedule: deps.llmSchedule } : {}),
      log,
    },
    deps.newIgnores,
  );

  // 8. Publish, checking first that a newer push has not made this result stale.
  const { data: latest } = await octokit.rest.pulls.get({ ...repo, pull_number: job.pullNumber });
  if (latest.head.sha !== pr.head.sha) {
    await check.supersede(latest.head.sha);
    return "skipped-stale";
  }
  const { outcome, summary } = await publishTriage(
    octokit,
    {
      repo,
      pullNumber: job.pullNumber,
      headSha: pr.head.sha,
      author: pr.user.login,
      labels: latest.labels.map((label) => label.name),
      requestedUsers: latest.requested_reviewers?.map((user) => user.login) ?? [],
      requestedTeams: latest.requested_teams?.map((team) => team.slug) ?? [],
      repoUrl: pr.base.repo.html_url,
      webHost: deps.webHost,
      previousSummary: await source.summaryComment(),
      identity: deps.identity,
      codeOwners: [
        ...new Set(
          ownersForPaths(codeowners, riskyPaths(files, result.findings, config)).flatMap((o) => o.owners),
        ),
      ],
    },
    result,
    config,
    log,
  );
  await check.complete(
    config.checks.conclusion[result.risk.level],
    renderCheckOutput(result, summary),
    renderAnnotations(result.findings, deps.webHost),
  );
  await deps.onTriaged?.(result, outcome);
  log.info(
    {
      score: result.risk.score,
      level: result.risk.level,
      findings: result.findings.length,
      llm: result.llm.mode,
      ...(result.llm.mode === "ok" || result.llm.mode === "unavailable"
        ? { usage: result.llm.usage, costUsd: result.llm.costUsd }
        : {}),
    },
    "triage done",
  );
  return "triaged";
}
