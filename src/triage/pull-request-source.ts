import type { AnalyzerInput, FileContents } from "../analyzers/analyzer.ts";
import type { ParsedCodeowners } from "../codeowners/parse-codeowners.ts";
import type { LoadedConfig } from "../config/parse-config.ts";
import type { HeadSource } from "../context/head-source.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { CompareHeads } from "../incremental/plan-review-scope.ts";
import type { LoadedPolicies } from "../policies/read-policies.ts";
import type { SummaryState } from "../render/summary-state.ts";

/** The pull request as its source sees it: which commits, and who wrote what. */
export interface PullRequestInfo {
  headSha: string;
  baseRef: string;
  pr: AnalyzerInput["pr"];
}

/** What earlier triages of this PR left behind, for incremental review and to skip repeats. */
export interface EarlierTriage {
  /** What the last triage recorded; null on the first one (and always in the CLI). */
  previousState: SummaryState | null;
  /** Fingerprints of inline comments already posted on this PR. */
  alreadyPosted: ReadonlySet<string>;
}

/**
 * Where the triage core reads one pull request from: GitHub for the app, git for the CLI.
 * Config, policies and CODEOWNERS come from the base, the trust root, never the PR's head.
 * Each read is made once: asking again returns the same answer, so a caller may look (at the
 * config, say) before the core runs without costing a second request.
 */
export interface PullRequestSource {
  pullRequest(): Promise<PullRequestInfo>;
  config(): Promise<LoadedConfig>;
  /** The policy files the config's `policies.paths` match. */
  policies(): Promise<LoadedPolicies>;
  codeowners(): Promise<ParsedCodeowners | null>;
  /** The changed files, and how many the source could not list (GitHub's 3,000-file cap). */
  files(): Promise<{ files: DiffFile[]; notListed: number }>;
  /** Changed manifests and lockfiles at base and head, for the dependency checks. */
  contents(files: readonly DiffFile[]): Promise<readonly FileContents[]>;
  earlierTriage(): Promise<EarlierTriage>;
  /** Files at the head commit, for review context; reads at most `searchFiles` files when searching. */
  head(searchFiles: number): Promise<HeadSource>;
  /** Compares the last triaged head with this one; absent (the CLI): the whole PR is reviewed. */
  compareHeads?: CompareHeads;
}
