import { ownersForPaths } from "../codeowners/owners-for-paths.ts";
import { renderPolicySummary } from "../policies/render-policy-summary.ts";
import { renderCheckOutput } from "../render/render-check-output.ts";
import { renderInlineComment } from "../render/render-inline-comment.ts";
import { renderSummary } from "../render/render-summary.ts";
import { plannedOutcome } from "../review/planned-outcome.ts";
import { planReviewRequests } from "../routing/plan-review-requests.ts";
import { riskyPaths } from "../routing/risky-paths.ts";
import { readCliSettings } from "../settings/cli-settings.ts";
import { DEFAULT_DEADLINE_MS } from "../settings/llm-settings.ts";
import { CLI_GROUPS, readSettingsOrThrow } from "../settings/read-settings.ts";
import { triagePullRequest } from "../triage/triage-pull-request.ts";
import type { CliIo } from "./cli-io.ts";
import { collectLocalPr } from "./collect-local-pr.ts";
import { gitPullRequestSource } from "./git-pull-request-source.ts";
import { LLM_UNAVAILABLE_EXIT_CODE, llmReport } from "./llm-report.ts";
import { type ReviewReport, renderReviewReport } from "./render-review-report.ts";

export interface ReviewOptions {
  base: string | undefined;
  json: boolean;
}

/**
 * `pr-triage review`: runs the app's triage on the local branch against its base and prints
 * what the app would post. Config, policies and CODEOWNERS come from the base ref, exactly as
 * in the app; the LLM settings come from the same environment variables (no key: analyzers only).
 */
export async function reviewCommand(options: ReviewOptions, io: CliIo): Promise<number> {
  const progress = (text: string) => io.stderr.write(`pr-triage: ${text}\n`);
  // The server's start-up checks where they apply: a malformed variable stops here, before any work.
  // The answer cache lives in the user's cache directory unless DATA_DIR says otherwise, not in their checkout.
  const env = { ...io.env, DATA_DIR: io.env.DATA_DIR?.trim() || readCliSettings(io.env).cacheDir };
  const { llm: settings, llmPrices } = readSettingsOrThrow(env, CLI_GROUPS);
  const pr = collectLocalPr(io.cwd, options.base);
  progress(
    `${pr.headRef} against ${pr.base} (merge base ${pr.mergeBase.slice(0, 7)}): ${pr.files.length} file(s) changed`,
  );

  // 1. Config, policies and code owners from the base ref: the PR's own edits never apply.
  progress(`reading config and policies from ${pr.base}`);
  const source = gitPullRequestSource(pr);
  const { config } = await source.config();
  if (config._extends)
    progress(`note: \`_extends: ${config._extends}\` is not followed locally; the app merges it on GitHub`);

  // 2–3. The app's own triage core: analyzers (the policy-change check among them), the LLM with
  // the app's settings, then anchor and score exactly as the app would post.
  if (settings === null) progress("no OPENAI_API_KEY: analyzers-only mode");
  else if (config.llm.enabled) {
    progress(
      `AI review with ${settings.modelIsDefault ? "the endpoint's model (OPENAI_MODEL unset)" : settings.model}, at most ${(settings.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1_000} s (OPENAI_DEADLINE_MS)`,
    );
  }
  const {
    result,
    policies: selection,
    codeowners,
  } = await triagePullRequest(source, {
    llm: settings,
    prices: llmPrices,
    log: {
      info: () => {},
      warn: (_: unknown, message?: string) => progress(`warning: ${message ?? "LLM problem"}`),
    },
  });
  const owners = ownersForPaths(
    codeowners,
    pr.files.map((f) => f.path),
  );
  const plan = planReviewRequests({
    level: result.risk.level,
    routing: config.routing,
    author: pr.author,
    requestedUsers: [],
    requestedTeams: [],
    reviewedBy: [],
    codeOwners: [
      ...new Set(
        ownersForPaths(codeowners, riskyPaths(pr.files, result.findings, config)).flatMap((o) => o.owners),
      ),
    ],
  });
  // Nothing is posted locally: the outcome is the plan, every reviewer "requested" as the app would.
  const outcome = plannedOutcome(result, { requested: plan.reasons, skipped: plan.skipped, failed: [] });
  const host = new URL(pr.repoUrl).host;
  const summary = renderSummary(result, outcome, { repoUrl: pr.repoUrl, host });
  const report: ReviewReport = {
    base: pr.base,
    mergeBase: pr.mergeBase,
    head: { ref: pr.headRef, sha: pr.headSha },
    risk: { score: result.risk.score, level: result.risk.level, needsHuman: result.risk.needsHuman },
    check: {
      name: "PR Triage",
      conclusion: config.checks.conclusion[result.risk.level],
      title: renderCheckOutput(result, summary).title,
    },
    label: config.labels ? `risk: ${result.risk.level}` : null,
    routing: outcome.routing,
    codeowners: owners,
    policies: {
      applied: selection.applied.map(({ policy, matched }) => ({
        title: policy.title,
        path: policy.path,
        matched,
      })),
      skipped: selection.skipped.map(({ policy, reason }) => ({
        title: policy.title,
        path: policy.path,
        reason,
      })),
      markdown: renderPolicySummary(selection, result.llm.mode === "ok", host),
    },
    coverage: result.coverage,
    llm: llmReport(result.llm),
    configProblems: result.configProblems,
    inlineComments: result.inline.map(({ finding, anchor, suggestion }) => ({
      path: anchor.path,
      line: anchor.line,
      side: anchor.side,
      startLine: anchor.startLine,
      body: renderInlineComment(finding, anchor, host, result.fingerprints.get(finding) ?? "", suggestion),
    })),
    findings: result.findings,
    summary,
  };
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReviewReport(report));
  return result.llm.mode === "unavailable" ? LLM_UNAVAILABLE_EXIT_CODE : 0;
}
