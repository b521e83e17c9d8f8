import type { LlmRunFacts, LlmUsage } from "../llm/review-with-llm.ts";
import type { LlmOutcome } from "../review/triage-result.ts";

/**
 * `pr-triage review` exits with this when the AI review was requested (a key is set and the
 * config enables it) but did not complete, so CI can tell "reviewed, nothing found" from
 * "not reviewed". 1 stays "the command failed", 2 "usage error".
 */
export const LLM_UNAVAILABLE_EXIT_CODE = 3;

/** The `llm` field of `review --json`. */
export interface LlmReport {
  status: LlmOutcome["mode"];
  reason: string | null;
  model: string | null;
  usage: LlmUsage | null;
  costUsd: number | null;
  durationMs: number | null;
  /** Structured-output mode: `json_schema`, `json_object`, `text`, or `cache`. */
  mode: LlmRunFacts["outputMode"] | null;
  cachedAnswers: number;
}

const REASONS: Partial<Record<LlmOutcome["mode"], string>> = {
  "no-key": "no OPENAI_API_KEY: analyzers-only mode",
  "disabled-by-config": "llm.enabled is false in .github/pr-triage.yml",
  "nothing-to-review": "no file needed an AI review",
};

export function llmReport(outcome: LlmOutcome): LlmReport {
  if (outcome.mode !== "ok" && outcome.mode !== "unavailable") {
    const reason = REASONS[outcome.mode] ?? null;
    return {
      status: outcome.mode,
      reason,
      model: null,
      usage: null,
      costUsd: null,
      durationMs: null,
      mode: null,
      cachedAnswers: 0,
    };
  }
  return {
    status: outcome.mode,
    reason: outcome.mode === "unavailable" ? outcome.reason : null,
    model: outcome.model,
    usage: outcome.usage,
    costUsd: outcome.costUsd,
    durationMs: outcome.facts?.durationMs ?? null,
    mode: outcome.facts?.outputMode ?? null,
    cachedAnswers: outcome.facts?.cachedAnswers ?? 0,
  };
}
