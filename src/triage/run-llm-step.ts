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
  /** Secret values found by the analyzers, masked before the request. */
  secrets: readonly string[];
  prices: Record<string, ModelPrice>;
  schedule?: Schedule;
}

/** The LLM edge of the pipeline: decides whether to call, calls, and turns failure into "needs human". */
export async function runLlmStep(
  input: LlmStepInput,
  log: Pick<Logger, "info" | "warn">,
): Promise<{ outcome: LlmOutcome; findings: Finding[]; whatChanged: string[] | null }> {
  const { settings, config, prepared } = input;
  if (settings === null) return { outcome: { mode: "no-key" }, findings: [], whatChanged: null };
  if (!config.llm.enabled)
    return { outcome: { mode: "disabled-by-config" }, findings: [], whatChanged: null };
  if (prepared.pack.chunks.length === 0)
    return { outcome: { mode: "nothing-to-review" }, findings: [], whatChanged: null };
  const review = await reviewWithLlm(
    createLlmClient(settings),
    settings.model,
    {
      title: input.pr.title,
      body: input.pr.body,
      policies: input.policies,
      chunks: prepared.pack.chunks.map((chunk) => chunk.text),
      secrets: input.secrets,
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
      // A partial review must not describe the whole PR.
      whatChanged: null,
    };
  }
  return {
    outcome: { mode: "ok", model: review.model, usage: review.usage, costUsd },
    findings: review.findings,
    whatChanged: review.whatChanged,
  };
}
