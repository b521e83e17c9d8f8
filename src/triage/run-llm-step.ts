import type { Logger } from "probot";
import type { TriageConfig } from "../config/config-schema.ts";
import type { Finding } from "../findings/finding.ts";
import { createLlmClient } from "../llm/create-llm-client.ts";
import { estimateCost, type ModelPrice } from "../llm/estimate-cost.ts";
import type { LlmAnswerCache } from "../llm/llm-answer-cache.ts";
import { reviewWithLlm, type Schedule } from "../llm/review-with-llm.ts";
import { sharedLlmCache } from "../llm/shared-llm-cache.ts";
import { sharedLlmLimiter } from "../llm/shared-llm-limiter.ts";
import type { LlmOutcome } from "../review/triage-result.ts";
import type { LlmSettings } from "../settings/llm-settings.ts";
import type { PreparedTriage } from "./prepare-triage.ts";

export interface LlmStepInput {
  settings: LlmSettings | null;
  config: TriageConfig;
  prepared: PreparedTriage;
  pr: { title: string; body: string };
  /** Policy text for the system prompt, identical for every chunk. */
  policies: string;
  prices: Record<string, ModelPrice>;
  /** Defaults to the process's OPENAI_CONCURRENCY limiter, shared by the app and the CLI. */
  schedule?: Schedule;
  /** Defaults to the answer cache in DATA_DIR the settings name (none when they name none). */
  cache?: LlmAnswerCache | null;
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
    {
      title: input.pr.title,
      body: input.pr.body,
      policies: input.policies,
      chunks: prepared.pack.chunks.map((chunk) => chunk.text),
      // The prepared scan's values, never a caller's list: the diff is already range-redacted,
      // and this second pass catches the same values in the title, body or deleted lines.
      secrets: prepared.secrets,
      maxOutputTokens: config.llm.maxOutputTokens,
    },
    {
      client: createLlmClient(settings),
      settings,
      schedule: input.schedule ?? ((task) => sharedLlmLimiter(settings).runOutsideInstallations(task)),
      cache: input.cache === undefined ? openCache(settings, log) : input.cache,
    },
  );
  const { model, usage, facts } = review;
  const costUsd = estimateCost(model, usage, input.prices);
  log.info({ model, usage, costUsd, status: review.status, ...facts }, "LLM review done");
  if (review.status === "unavailable") {
    log.warn({ reason: review.reason }, "AI review unavailable");
    return {
      outcome: { mode: "unavailable", model, reason: review.reason, usage, costUsd, facts },
      findings: review.findings,
      // A partial review must not describe the whole PR.
      whatChanged: null,
    };
  }
  return {
    outcome: { mode: "ok", model, usage, costUsd, facts },
    findings: review.findings,
    whatChanged: review.whatChanged,
  };
}

/** A cache that cannot open costs money, not the review: go on without it, and say so. */
function openCache(settings: LlmSettings, log: Pick<Logger, "warn">): LlmAnswerCache | null {
  try {
    return sharedLlmCache(settings);
  } catch (error) {
    log.warn({ err: error }, "LLM answer cache unavailable; answers are not cached");
    return null;
  }
}
