import type { Logger } from "probot";
import { applyPolicyCitations } from "../config/apply-policy-citations.ts";
import { ownersForPaths } from "../config/owners-for-paths.ts";
import { selectPolicies } from "../config/select-policies.ts";
import { listPostedFingerprints } from "../github/list-posted-fingerprints.ts";
import { listPrFiles } from "../github/list-pr-files.ts";
import { loadCodeowners } from "../github/load-codeowners.ts";
import { loadPolicies } from "../github/load-policies.ts";
import { loadRepoConfig } from "../github/load-repo-config.ts";
import type { Octokit } from "../github/octokit.ts";
import { completeCheckRun, startCheckRun } from "../github/publish-check-run.ts";
import { findSummaryComment } from "../github/upsert-summary-comment.ts";
import { diffTokenBudget } from "../llm/diff-token-budget.ts";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import type { LlmSettings } from "../llm/llm-settings.ts";
import type { Schedule } from "../llm/review-with-llm.ts";
import { renderAnnotations } from "../render/render-annotations.ts";
import { renderCheckOutput } from "../render/render-check-output.ts";
import { decodeSummaryState } from "../render/summary-state.ts";
import { riskyPaths } from "../routing/risky-paths.ts";
import { concludeTriage } from "./conclude-triage.ts";
import { prepareTriage } from "./prepare-triage.ts";
import { publishTriage } from "./publish-triage.ts";
import { runLlmStep } from "./run-llm-step.ts";
import type { TriageJob } from "./triage-job.ts";
import type { TriageResult } from "./triage-result.ts";

export interface JobDeps {
  octokit: Octokit;
  log: Logger;
  llm: LlmSettings | null;
  /** `github.com`, or the GHE host: links elsewhere are stripped from posted text. */
  webHost: string;
  /** Price table for cost estimates, and the LLM concurrency limiter (global + per installation). */
  llmPrices?: Record<string, ModelPrice>;
  llmSchedule?: Schedule;
  /**
   * Set by the durable queue: the check run an earlier attempt opened (reused, so retries do not
   * stack checks) and where to record a new one. The queue then closes the check when an attempt
   * fails, since only it knows whether another attempt follows.
   */
  checkRun?: { id: number | null; opened: (id: number) => Promise<void> };
  /** Told of each triage once its check is complete (review-flow analytics). */
  onTriaged?: (result: TriageResult) => Promise<void>;
}

export type JobOutcome = "triaged" | "skipped-stale" | "skipped-draft" | "skipped-closed" | "disabled";

/** One triage, as a recipe: load, collect, analyze, review, conclude, publish. */
export async function runTriageJob(job: TriageJob, deps: JobDeps): Promise<JobOutcome> {
  const { octokit, log } = deps;
  const repo = { owner: job.owner, repo: job.repo };

  // 1. Re-read the PR: the event may be old, and a stale head must never be posted.
  const { data: pr } = await octokit.rest.pulls.get({ ...repo, pull_number: job.pullNumber });
  if (pr.state !== "open") return "skipped-closed";
  if (pr.head.sha !== job.headSha) return "skipped-stale";

  // 2. Config and policies come from the base branch, the trust root.
  const { config, problems } = await loadRepoConfig(octokit, repo, pr.base.ref);
  if (!config.enabled) return "disabled";
  if (pr.draft && !config.drafts && job.trigger === "pull_request") return "skipped-draft";
  const policySet = await loadPolicies(octokit, repo, pr.base.ref, config.policies.paths);
  const codeowners = await loadCodeowners(octokit, repo, pr.base.ref);
  const configProblems = [...problems, ...policySet.problems, ...(codeowners?.problems ?? [])];

  const checkRunId = deps.checkRun?.id ?? (await startCheckRun(octokit, repo, pr.head.sha));
  await deps.checkRun?.opened(checkRunId);
  try {
    // 3. Collect and parse the diff.
    const { files, unlisted } = await listPrFiles(octokit, repo, job.pullNumber, pr.changed_files);

    // 4. Deterministic analyzers (pure), then 5. the LLM on what is reviewable.
    const input = {
      files,
      config,
      pr: {
        author: pr.user.login,
        authorType: pr.user.type,
        headRef: pr.head.ref,
        title: pr.title,
        body: pr.body ?? "",
      },
    };
    // Only the policies whose paths this PR touches, within their token budget.
    const policySelection = selectPolicies(policySet.policies, files, config.policies.maxTokens);
    const policies = policySelection.prompt;
    const prepared = await prepareTriage(
      input,
      diffTokenBudget(config.llm.maxInputTokens, policies, input.pr.title, input.pr.body),
    );
    const llm = await runLlmStep(
      {
        settings: deps.llm,
        config,
        prepared,
        pr: input.pr,
        policies,
        secrets: prepared.secrets,
        prices: deps.llmPrices ?? {},
        ...(deps.llmSchedule ? { schedule: deps.llmSchedule } : {}),
      },
      log,
    );

    // 6–7. Anchor, rank and score (pure), remembering what earlier pushes already reported.
    const previousSummary = await findSummaryComment(octokit, repo, job.pullNumber);
    const result = concludeTriage({
      headSha: pr.head.sha,
      files,
      config,
      prepared,
      llm: llm.outcome,
      llmFindings: applyPolicyCitations(
        llm.findings,
        policySelection.applied.map((applied) => applied.policy),
      ),
      configProblems,
      policies: policySelection,
      notListed: unlisted,
      alreadyPosted: await listPostedFingerprints(octokit, repo, job.pullNumber),
      previousState: decodeSummaryState(previousSummary?.body),
    });

    // 8. Publish, checking first that a newer push has not made this result stale.
    const { data: latest } = await octokit.rest.pulls.get({ ...repo, pull_number: job.pullNumber });
    if (latest.head.sha !== pr.head.sha) {
      await completeCheckRun(octokit, repo, checkRunId, "neutral", {
        title: "Superseded by a newer push",
        summary: `A newer commit (${latest.head.sha.slice(0, 7)}) is being triaged instead.`,
      });
      return "skipped-stale";
    }
    const summary = await publishTriage(
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
        previousSummary,
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
    await completeCheckRun(
      octokit,
      repo,
      checkRunId,
      config.checks.conclusion[result.risk.level],
      renderCheckOutput(result, summary),
      renderAnnotations(result.findings, deps.webHost),
    );
    await deps.onTriaged?.(result);
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
  } catch (error) {
    // The queue closes its checks once it knows no attempt follows.
    if (deps.checkRun) throw error;
    // Never leave the check stuck "in progress": say what failed, then let the caller retry.
    await completeCheckRun(octokit, repo, checkRunId, "failure", {
      title: "Triage failed: needs human review",
      summary: `PR Triage could not finish: ${error instanceof Error ? error.message : String(error)}`,
    }).catch((closeError: unknown) => log.warn({ err: closeError }, "could not close the check run"));
    throw error;
  }
}
