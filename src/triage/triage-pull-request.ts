import type { Logger } from "probot";
import type { AnalyzerInput } from "../analyzers/analyzer.ts";
import type { ParsedCodeowners } from "../codeowners/parse-codeowners.ts";
import type { TriageConfig } from "../config/config-schema.ts";
import { addReviewContext } from "../context/add-review-context.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { planReviewScope } from "../incremental/plan-review-scope.ts";
import { diffTokenBudget } from "../llm/diff-token-budget.ts";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import type { Schedule } from "../llm/review-with-llm.ts";
import { applyPolicyCitations } from "../policies/apply-policy-citations.ts";
import { type PolicySelection, selectPolicies } from "../policies/select-policies.ts";
import type { IgnoreEntry } from "../render/summary-state.ts";
import type { TriageResult } from "../review/triage-result.ts";
import type { LlmSettings } from "../settings/llm-settings.ts";
import { concludeTriage } from "./conclude-triage.ts";
import { prepareTriage } from "./prepare-triage.ts";
import type { PullRequestSource } from "./pull-request-source.ts";
import { runLlmStep } from "./run-llm-step.ts";

export interface TriageDeps {
  llm: LlmSettings | null;
  prices: Record<string, ModelPrice>;
  schedule?: Schedule;
  log: Pick<Logger, "info" | "warn">;
}

export interface TriageOutcome {
  result: TriageResult;
  policies: PolicySelection;
  /** What the core read from the source, for publishing and printing. */
  config: TriageConfig;
  files: DiffFile[];
  codeowners: ParsedCodeowners | null;
}

/**
 * The one triage core, for the app and the CLI alike: reads the PR from `source` (GitHub or
 * git; config, policies and CODEOWNERS from its base), selects the policies for the touched paths, the
 * analyzers and the secrets scan (the redaction list comes from that scan, inside
 * `prepareTriage`, so no caller can pass another), the LLM on what is reviewable (only what
 * changed since the last triaged head, when the source can tell), then anchor and score.
 * Publishing and printing are the callers' business.
 */
export async function triagePullRequest(
  source: PullRequestSource,
  deps: TriageDeps,
  /** Ignores a `/triage ignore` command adds in this run. */
  newIgnores?: readonly IgnoreEntry[],
): Promise<TriageOutcome> {
  const { headSha, baseRef, pr } = await source.pullRequest();
  const { config, problems } = await source.config();
  const policySet = await source.policies();
  const codeowners = await source.codeowners();
  const configProblems = [...problems, ...policySet.problems, ...(codeowners?.problems ?? [])];
  const { files, notListed } = await source.files();
  const contents = await source.contents(files);
  const { previousState, alreadyPosted } = await source.earlierTriage();
  const aiReview = deps.llm !== null && config.llm.enabled;
  // Only the policies whose paths this PR touches, within their token budget.
  const policies = selectPolicies(policySet.policies, files, config.policies.maxTokens);
  const scope =
    aiReview && source.compareHeads
      ? await planReviewScope(previousState, { headSha, baseRef }, files, source.compareHeads)
      : undefined;
  const budget = diffTokenBudget(config.llm.maxInputTokens, policies.prompt, pr.title, pr.body);
  const input: AnalyzerInput = { files, config, pr, contents };
  const prepared = await prepareTriage(input, budget, scope);
  // Context beyond the hunks, from the head commit, in whatever budget the diff left.
  if (aiReview) {
    prepared.pack = (
      await addReviewContext(
        prepared.pack,
        prepared.sent ?? [],
        await source.head(config.llm.context.searchFiles),
        config.llm.context,
        budget,
      )
    ).pack;
  }
  const llm = await runLlmStep(
    {
      settings: deps.llm,
      config,
      prepared,
      pr,
      policies: policies.prompt,
      prices: deps.prices,
      ...(deps.schedule ? { schedule: deps.schedule } : {}),
    },
    deps.log,
  );
  const result = concludeTriage({
    headSha,
    files,
    config,
    prepared,
    llm: llm.outcome,
    llmFindings: applyPolicyCitations(
      llm.findings,
      policies.applied.map((applied) => applied.policy),
    ),
    configProblems,
    policies,
    notListed,
    alreadyPosted,
    previousState,
    ...(scope ? { scope } : {}),
    baseRef,
    whatChanged: llm.whatChanged,
    newIgnores,
  });
  return { result, policies, config, files, codeowners };
}
