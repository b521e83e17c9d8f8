import { checkSuggestion } from "../anchor/check-suggestion.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import type { TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import type { ReviewScope } from "../incremental/plan-review-scope.ts";
import { rememberAiReview } from "../incremental/remember-ai-review.ts";
import type { PolicySelection } from "../policies/select-policies.ts";
import { redactText } from "../redaction/redact-text.ts";
import { diffSummaryState, type IgnoreEntry, type SummaryState } from "../render/summary-state.ts";
import { applyIgnores, mergeIgnores } from "../review/apply-ignores.ts";
import { buildReviewGuide } from "../review/build-review-guide.ts";
import { fingerprint } from "../review/fingerprint.ts";
import type { LlmOutcome, ReviewScopeNote, TriageResult } from "../review/triage-result.ts";
import { scoreRisk } from "../risk/score-risk.ts";
import { addMechanicalFixes } from "./add-mechanical-fixes.ts";
import { mergeDuplicates } from "./merge-duplicates.ts";
import type { PreparedTriage } from "./prepare-triage.ts";
import { selectInline } from "./select-inline.ts";

export interface ConcludeInput {
  headSha: string;
  files: readonly DiffFile[];
  config: TriageConfig;
  prepared: PreparedTriage;
  llm: LlmOutcome;
  llmFindings: readonly Finding[];
  configProblems: readonly ConfigProblem[];
  /** Fingerprints of inline comments already posted on this PR by earlier triages. */
  alreadyPosted?: ReadonlySet<string>;
  /** State saved in the previous summary, to report what changed since. */
  previousState?: SummaryState | null;
  /** Files GitHub did not list (past its 3,000-file cap). */
  notListed?: number;
  /** Which repository policies were given to the LLM, for the summary. */
  policies?: PolicySelection;
  /** What the AI was asked to review on this push (incremental: earlier findings carried forward). */
  scope?: ReviewScope;
  /** The PR's base branch, remembered so a retarget triggers a full review. */
  baseRef?: string;
  /** Ignores a `/triage ignore` command adds in this run (the earlier ones come from `previousState`). */
  newIgnores?: readonly IgnoreEntry[] | undefined;
  /** The LLM's "what changed" lines; null or absent when no AI review ran. */
  whatChanged?: readonly string[] | null;
}

/** Pure: anchors, ranks and scores everything found, ready to render and publish. */
export function concludeTriage(input: ConcludeInput): TriageResult {
  // Secrets never leave: analyzer messages quote PR lines and the model may echo what it saw.
  const carried = input.scope?.mode === "incremental" ? input.scope.carried : [];
  const merged = mergeDuplicates([...input.prepared.analyzerFindings, ...input.llmFindings, ...carried]);
  // What survived merging: a carried finding the model re-reported is one finding, not two.
  const carriedKept = merged.filter((finding) => carried.includes(finding)).length;
  const found = addMechanicalFixes(merged, input.files).map((finding) =>
    redactFinding(finding, input.prepared.secrets),
  );
  const byPath = new Map(input.files.map((file) => [file.path, file]));
  const fingerprints = new Map(found.map((finding) => [finding, fingerprint(finding, byPath)]));
  // "Not a problem": this PR's ignores (carried in the summary state) and the repository's.
  const ignores = mergeIgnores(input.previousState?.ignored ?? [], input.newIgnores ?? []);
  const { active: findings, ignored } = applyIgnores(found, fingerprints, ignores, input.config.ignore);
  const selection = selectInline(
    findings,
    byPath,
    input.config.review,
    fingerprints,
    input.alreadyPosted ?? new Set(),
  );
  const { summaryOnly } = selection;
  const inline = selection.inline.map((entry) =>
    entry.finding.replacement === undefined
      ? entry
      : { ...entry, suggestion: checkSuggestion(entry.finding, entry.anchor, byPath.get(entry.anchor.path)) },
  );
  const state: SummaryState = {
    headSha: input.headSha,
    findings: Object.fromEntries(findings.map((finding) => [fingerprints.get(finding) ?? "", finding.title])),
    ...(input.baseRef === undefined ? {} : { baseRef: input.baseRef }),
    ignored: ignores.map((entry) =>
      entry.kind === "finding" && entry.title === undefined
        ? describeIgnore(entry, ignored.find((i) => i.fingerprint === entry.fingerprint)?.finding)
        : entry,
    ),
  };
  const ai = rememberAiReview(
    input.llm,
    findings,
    byPath,
    input.prepared.pack.skipped.map((skip) => skip.path),
  );
  if (ai) state.ai = ai;
  // The AI review ran (or had nothing to look at): coverage and scope describe what it saw.
  const reviewRan = input.llm.mode === "ok" || input.llm.mode === "nothing-to-review";
  const llmReviewed = reviewRan
    ? [
        ...new Set([
          ...input.prepared.pack.chunks.flatMap((chunk) => chunk.files),
          ...(input.prepared.earlierReviewed ?? []),
        ]),
      ]
    : [];
  const analyzersOnly = reviewRan
    ? input.prepared.analyzersOnly
    : input.files.map((file) => ({ path: file.path, reason: llmReason(input.llm) }));
  const risk = scoreRisk({
    findings,
    files: input.files,
    llmUnavailable: input.llm.mode === "unavailable",
    thresholds: input.config.risk.thresholds,
  });
  return {
    headSha: input.headSha,
    risk,
    findings,
    inline,
    summaryOnly,
    coverage: {
      totalFiles: input.files.length,
      notListed: input.notListed ?? 0,
      llmReviewed,
      analyzersOnly,
      // Only a review that ran has a scope worth stating.
      ...(input.scope && reviewRan ? { scope: describeScope(input.scope, carriedKept) } : {}),
    },
    llm: input.llm,
    configProblems: [...input.configProblems],
    fingerprints,
    state,
    delta:
      input.previousState && input.previousState.headSha !== input.headSha
        ? diffSummaryState(input.previousState, state, new Set(ignored.map((i) => i.fingerprint)))
        : null,
    ignored,
    policies: input.policies ?? null,
    guide: buildReviewGuide({
      files: input.files,
      findings,
      risk: risk.level,
      whatChanged: input.llm.mode === "ok" ? (input.whatChanged ?? null) : null,
      secrets: input.prepared.secrets,
    }),
  };
}

function describeScope(scope: ReviewScope, carried: number): ReviewScopeNote {
  return scope.mode === "full"
    ? { mode: "full", reason: scope.reason }
    : { mode: "incremental", since: scope.since, carried };
}

/** What an ignored finding was is known only while it is in the diff; remember it for later. */
function describeIgnore(
  entry: Extract<IgnoreEntry, { kind: "finding" }>,
  finding: Finding | undefined,
): IgnoreEntry {
  return finding === undefined ? entry : { ...entry, title: finding.title, ruleId: finding.ruleId };
}

function redactFinding(finding: Finding, secrets: readonly string[]): Finding {
  if (secrets.length === 0) return finding;
  return {
    ...finding,
    title: redactText(finding.title, secrets),
    message: redactText(finding.message, secrets),
    ...(finding.replacement === undefined ? {} : { replacement: redactText(finding.replacement, secrets) }),
  };
}

/** Why the LLM did not see a file, by how the LLM step ended. */
const LLM_REASONS: Partial<Record<LlmOutcome["mode"], string>> = {
  "no-key": "analyzers-only mode: no OPENAI_API_KEY",
  "disabled-by-config": "LLM disabled by config",
  unavailable: "AI review unavailable",
};

function llmReason(llm: LlmOutcome): string {
  return LLM_REASONS[llm.mode] ?? "not sent to the LLM";
}
