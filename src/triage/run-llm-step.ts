import type { Logger } from "probot";
import type { TriageConfig } from "../config/config-schema.ts";
import type { Finding } from "../findings/finding.ts";
import type { LlmSettings } from "../llm/llm-settings.ts";
import { createLlmClient, reviewWithLlm } from "../llm/review-with-llm.ts";
import type { PreparedTriage } from "./prepare-triage.ts";
import type { LlmOutcome } from "./triage-result.ts";

const NO_POLICIES = "No repository policies apply to this pull request.";

/** The LLM edge of the pipeline: decides whether to call, calls, and turns failure into "needs human". */
export async function runLlmStep(
  settings: LlmSettings | null,
  config: TriageConfig,
  prepared: PreparedTriage,
  pr: { title: string; body: string },
  log: Logger,
): Promise<{ outcome: LlmOutcome; findings: Finding[] }> {
  if (settings === null) return { outcome: { mode: "no-key" }, findings: [] };
  if (!config.llm.enabled) return { outcome: { mode: "disabled-by-config" }, findings: [] };
  if (prepared.pack.chunks.length === 0) return { outcome: { mode: "nothing-to-review" }, findings: [] };
  const review = await reviewWithLlm(createLlmClient(settings), settings.model, {
    title: pr.title,
    body: pr.body,
    policies: NO_POLICIES,
    chunks: prepared.pack.chunks.map((chunk) => chunk.text),
    secrets: [],
  });
  if (review.status === "unavailable") {
    log.warn({ reason: review.reason, usage: review.usage }, "AI review unavailable");
    return {
      outcome: { mode: "unavailable", model: review.model, reason: review.reason, usage: review.usage },
      findings: review.findings,
    };
  }
  return { outcome: { mode: "ok", model: review.model, usage: review.usage }, findings: review.findings };
}
