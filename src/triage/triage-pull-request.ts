import type { Logger } from "probot";
import type { AnalyzerInput, FileContents } from "../analyzers/analyzer.ts";
import { applyPolicyCitations } from "../config/apply-policy-citations.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import type { TriageConfig } from "../config/config-schema.ts";
import type { Policy } from "../config/policy.ts";
import { type PolicySelection, selectPolicies } from "../config/select-policies.ts";
import { addReviewContext } from "../context/add-review-context.ts";
import type { HeadSource } from "../context/head-source.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { type CompareHeads, planReviewScope } from "../incremental/plan-review-scope.ts";
import { diffTokenBudget } from "../llm/diff-token-budget.ts";
import type { ModelPrice } from "../llm/estimate-cost.ts";
import type { LlmSettings } from "../llm/llm-settings.ts";
import type { Schedule } from "../llm/review-with-llm.ts";
import type { IgnoreEntry, SummaryState } from "../render/summary-state.ts";
import type { TriageResult } from "../review/triage-result.ts";
import { concludeTriage } from "./conclude-triage.ts";
import { prepareTriage } from "./prepare-triage.ts";
import { runLlmStep } from "./run-llm-step.ts";

/**
 * What one pull request is, as its source (GitHub for the app, git for the CLI) reads it. Config,
 * policies and CODEOWNERS are already read from the base, the trust root.
 */
export interface PullRequestSnapshot {
  headSha: string;
  baseRef: string;
  files: DiffFile[];
  /** Changed manifests and lockfiles at base and head, for the dependency checks. */
  contents?: readonly FileContents[];
  pr: AnalyzerInput["pr"];
  config: TriageConfig;
  configProblems: readonly ConfigProblem[];
  policies: readonly Policy[];
  /** Files GitHub did not list (past its 3,000-file cap). */
  notListed?: number;
  /** What the last triage of this PR recorded (the app); none in the CLI. */
  previousState?: SummaryState | null;
  /** Fingerprints of inline comments already posted on this PR. */
  alreadyPosted?: ReadonlySet<string>;
  /** Ignores a `/triage ignore` command adds in this run. */
  newIgnores?: readonly IgnoreEntry[] | undefined;
}

/** The reads the core may make beyond the snapshot, each bounded by its implementation. */
export interface PullRequestReads {
  /** Files at the head commit, for review context beyond the hunks. */
  head: HeadSource;
  /** Compares the last triaged head with this one; absent (the CLI): the whole PR is reviewed. */
  compareHeads?: CompareHeads;
}

export interface TriageDeps {
  llm: LlmSettings | null;
  prices: Record<string, ModelPrice>;
  schedule?: Schedule;
  log: Pick<Logger, "info" | "warn">;
}

export interface TriageOutcome {
  result: TriageResult;
  policies: PolicySelection;
}

/**
 * The one triage core, for the app and the CLI alike: policies for the touched paths, the
 * analyzers and the secrets scan (the redaction list comes from that scan, inside
 * `prepareTriage`, so no caller can pass another), the LLM on what is reviewable (only what
 * changed since the last triaged head, when the source can tell), then anchor and score.
 * Publishing and printing are the callers' business.
 */
export async function triagePullRequest(
  snapshot: PullRequestSnapshot,
  reads: PullRequestReads,
  deps: TriageDeps,
): Promise<TriageOutcome> {
  const { config, files, pr } = snapshot;
  const aiReview = deps.llm !== null && config.llm.enabled;
  // Only the policies whose paths this PR touches, within their token budget.
  const policies = selectPolicies(snapshot.policies, files, config.policies.maxTokens);
  const scope =
    aiReview && reads.compareHeads
      ? await planReviewScope(
          snapshot.previousState ?? null,
          { headSha: snapshot.headSha, baseRef: snapshot.baseRef },
          files,
          reads.compareHeads,
        )
      : undefined;
  const budget = diffTokenBudget(config.llm.maxInputTokens, policies.prompt, pr.title, pr.body);
  const input: AnalyzerInput = {
    files,
    config,
    pr,
    ...(snapshot.contents ? { contents: snapshot.contents } : {}),
  };
  const prepared = await prepareTriage(input, budget, scope);
  // Context beyond the hunks, from the head commit, in whatever budget the diff left.
  if (aiReview) {
    prepared.pack = (
      await addReviewContext(prepared.pack, prepared.sent ?? [], reads.head, config.llm.context, budget)
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
    headSha: snapshot.headSha,
    files,
    config,
    prepared,
    llm: llm.outcome,
    llmFindings: applyPolicyCitations(
      llm.findings,
      policies.applied.map((applied) => applied.policy),
    ),
    configProblems: snapshot.configProblems,
    policies,
    notListed: snapshot.notListed ?? 0,
    ...(snapshot.alreadyPosted ? { alreadyPosted: snapshot.alreadyPosted } : {}),
    ...(snapshot.previousState !== undefined ? { previousState: snapshot.previousState } : {}),
    ...(scope ? { scope } : {}),
    baseRef: snapshot.baseRef,
    whatChanged: llm.whatChanged,
    newIgnores: snapshot.newIgnores,
  });
  return { result, policies };
}
