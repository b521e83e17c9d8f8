import type { Logger } from "probot";
import { listPrFiles } from "../github/list-pr-files.ts";
import { loadRepoConfig } from "../github/load-repo-config.ts";
import type { Octokit } from "../github/octokit.ts";
import { completeCheckRun, startCheckRun } from "../github/publish-check-run.ts";
import { publishReview } from "../github/publish-review.ts";
import { syncRiskLabel } from "../github/sync-risk-label.ts";
import { upsertSummaryComment } from "../github/upsert-summary-comment.ts";
import { diffTokenBudget } from "../llm/diff-token-budget.ts";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import type { LlmSettings } from "../llm/llm-settings.ts";
import type { Schedule } from "../llm/review-with-llm.ts";
import { renderCheckOutput } from "../render/render-check-output.ts";
import { renderInlineComment } from "../render/render-inline-comment.ts";
import { renderSummary } from "../render/render-summary.ts";
import { concludeTriage } from "./conclude-triage.ts";
import { prepareTriage } from "./prepare-triage.ts";
import { runLlmStep } from "./run-llm-step.ts";
import type { TriageJob } from "./triage-job.ts";

export interface JobDeps {
  octokit: Octokit;
  log: Logger;
  llm: LlmSettings | null;
  /** `github.com`, or the GHE host: links elsewhere are stripped from posted text. */
  webHost: string;
  /** Price table for cost estimates, and the LLM concurrency limiter (global + per installation). */
  llmPrices?: Record<string, ModelPrice>;
  llmSchedule?: Schedule;
}

const NO_POLICIES = "No repository policies apply to this pull request.";

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

  const checkRunId = await startCheckRun(octokit, repo, pr.head.sha);
  try {
    // 3. Collect and parse the diff.
    const { files } = await listPrFiles(octokit, repo, job.pullNumber, pr.changed_files);

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
    const policies = NO_POLICIES;
    const prepared = prepareTriage(
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
        secrets: [],
        prices: deps.llmPrices ?? {},
        ...(deps.llmSchedule ? { schedule: deps.llmSchedule } : {}),
      },
      log,
    );

    // 6–7. Anchor, rank and score (pure).
    const result = concludeTriage({
      headSha: pr.head.sha,
      files,
      config,
      prepared,
      llm: llm.outcome,
      llmFindings: llm.findings,
      configProblems: problems,
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
    const review = await publishReview(
      octokit,
      repo,
      job.pullNumber,
      pr.head.sha,
      `PR Triage: **${result.risk.level}** risk (${result.risk.score}/100). Details are in the summary comment.`,
      result.inline.map(({ finding, anchor }) => ({
        finding,
        path: anchor.path,
        line: anchor.line,
        side: anchor.side,
        startLine: anchor.startLine,
        body: renderInlineComment(finding, anchor, deps.webHost),
      })),
    );
    if (review.status === "posted" && review.rejected.length > 0) {
      result.inline = result.inline.filter((i) => !review.rejected.some((r) => r.finding === i.finding));
      result.summaryOnly.push(
        ...review.rejected.map((r) => ({ finding: r.finding, reason: "GitHub rejected the inline comment" })),
      );
    }
    const summary = renderSummary(result, {
      repoUrl: pr.base.repo.html_url,
      host: deps.webHost,
    });
    await upsertSummaryComment(octokit, repo, job.pullNumber, summary);
    if (config.labels) {
      await syncRiskLabel(
        octokit,
        repo,
        job.pullNumber,
        pr.labels.map((label) => label.name),
        result.risk.level,
      );
    }
    await completeCheckRun(
      octokit,
      repo,
      checkRunId,
      config.checks.conclusion[result.risk.level],
      renderCheckOutput(result, summary),
    );
    log.info(
      {
        score: result.risk.score,
        level: result.risk.level,
        findings: result.findings.length,
        inline: result.inline.length,
        llm: result.llm.mode,
        ...(result.llm.mode === "ok" || result.llm.mode === "unavailable" ? { usage: result.llm.usage } : {}),
      },
      "triage published",
    );
    return "triaged";
  } catch (error) {
    // Never leave the check stuck "in progress": say what failed, then let the caller retry.
    await completeCheckRun(octokit, repo, checkRunId, "failure", {
      title: "Triage failed: needs human review",
      summary: `PR Triage could not finish: ${error instanceof Error ? error.message : String(error)}`,
    }).catch((closeError: unknown) => log.warn({ err: closeError }, "could not close the check run"));
    throw error;
  }
}
