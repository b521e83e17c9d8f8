import type { Logger } from "probot";
import type { TriageConfig } from "../config/config-schema.ts";
import type { Finding } from "../findings/finding.ts";
import { estimateCost, type ModelPrice } from "../llm/estimate-cost.ts";
import type { LlmSettings } from "../llm/llm-settings.ts";
import { createLlmClient, reviewWithLlm, type Schedule } from "../llm/review-with-llm.ts";
import type { PreparedTriage } from "./prepare-triage.ts";
import type { LlmOutcome } from "./triage-result.ts";

export interface LlmStepInput {
  settings: LlmSettings | null;
  config: TriageConfig;
  prepared: PreparedTriage;
  pr: { title: string; body: string };
  /** Policy text for the system prompt, identical for every chunk. */
  policies: string;
  prices: Record<string, ModelPrice>;
  schedule?: Schedule;
}

/** The LLM edge of the pipeline: decides whether to call, calls, and turns failure into "needs human". */
export async function runLlmStep(
  input: LlmStepInput,
  log: Pick<Logger, "info" | "warn">,
): Promise<{ outcome: LlmOutcome; findings: Finding[] }> {
  const { settings, config, prepared } = input;
  if (settings === null) return { outcome: { mode: "no-key" }, findings: [] };
  if (!config.llm.enabled) return { outcome: { mode: "disabled-by-config" }, findings: [] };
  if (prepared.pack.chunks.length === 0) return { outcome: { mode: "nothing-to-review" }, findings: [] };
  const review = await reviewWithLlm(
    createLlmClient(settings),
    settings.model,
    {
      title: input.pr.title,
      body: input.pr.body,
      policies: input.policies,
      chunks: prepared.pack.chunks.map((chunk) => chunk.text),
      // The prepared scan's values, never a caller's list: the diff is already range-redacted,
      // and this second pass catches the same values in the title, body or deleted lines.
      secrets: prepared.secrets,
    },
    input.schedule,
  );
  const costUsd = estimateCost(review.model, review.usage, input.prices);
  log.info({ model: review.model, usage: review.usage, costUsd, status: review.status }, "LLM review done");
  if (review.status === "unavailable") {
    log.warn({ reason: review.reason }, "AI review unavailable");
    return {
      outcome: {
        mode: "unavailable",
        model: review.model,
        reason: review.reason,
        usage: review.usage,
        costUsd,
      },
      findings: review.findings,
    };
  }
  return {
    outcome: { mode: "ok", model: review.model, usage: review.usage, costUsd },
    findings: review.findings,
  };
}
