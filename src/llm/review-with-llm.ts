import type OpenAI from "openai";
import type { Finding } from "../findings/finding.ts";
import { llmFinding } from "../findings/llm-finding.ts";
import { DEFAULT_DEADLINE_MS, type LlmSettings } from "../settings/llm-settings.ts";
import { askChunk, type ChunkAnswer, type ChunkContext } from "./ask-chunk.ts";
import { buildReviewMessages, type ReviewPromptInput } from "./build-review-messages.ts";
import {
  type EndpointCapabilities,
  type OutputMode,
  sharedEndpointCapabilities,
} from "./endpoint-capabilities.ts";
import { type LlmAnswerCache, llmCacheKey } from "./llm-answer-cache.ts";
import { parseReviewOutput } from "./parse-review-output.ts";
import type { ReviewOutput } from "./review-output-schema.ts";
import { sanitizeServerMessage } from "./sanitize-server-message.ts";

export interface LlmReviewRequest extends ReviewPromptInput {
  /** Output budget per request (`llm.maxOutputTokens`): a model that never closes its JSON stops here. */
  maxOutputTokens: number;
}

/** Runs one request under the caller's concurrency limits (see LlmLimiter). */
export type Schedule = <T>(task: () => Promise<T>) => Promise<T>;

export interface LlmUsage {
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  requests: number;
}

/** How the review ran, for the summary and `review --json`. */
export interface LlmRunFacts {
  /** The structured-output mode the endpoint accepted; `cache` when every answer came from it. */
  outputMode: OutputMode | "cache";
  durationMs: number;
  /** Parts answered from the answer cache, out of `parts`. */
  cachedAnswers: number;
  parts: number;
}

export type LlmReview =
  /** `whatChanged`: the model's "what changed" lines from every chunk, in chunk order. */
  | {
      status: "ok";
      model: string;
      findings: Finding[];
      usage: LlmUsage;
      facts: LlmRunFacts;
      whatChanged: string[];
    }
  | {
      status: "unavailable";
      model: string;
      reason: string;
      findings: Finding[];
      usage: LlmUsage;
      facts: LlmRunFacts;
    };

export interface LlmReviewOptions {
  client: OpenAI;
  settings: LlmSettings;
  schedule?: Schedule;
  cache?: LlmAnswerCache | null;
  /** Defaults to the process-wide record, so each endpoint is probed once. */
  capabilities?: EndpointCapabilities;
}

const OPENAI_BASE_URL = "https://api.openai.com/v1";

/**
 * Asks the model to review each chunk within the triage's deadline. The model gets no tools;
 * PR text sits inside a random marker block; secrets are masked first. Each answer is validated
 * with zod (cached ones too); a failure after one repair makes the review "unavailable" (needs
 * a human), never "no findings".
 */
export async function reviewWithLlm(
  request: LlmReviewRequest,
  options: LlmReviewOptions,
): Promise<LlmReview> {
  const { settings, cache = null } = options;
  const schedule = options.schedule ?? ((task) => task());
  const capabilities = options.capabilities ?? sharedEndpointCapabilities;
  const baseURL = settings.baseURL ?? OPENAI_BASE_URL;
  const deadlineMs = settings.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), deadlineMs);
  const usage: LlmUsage = { inputTokens: 0, cachedTokens: 0, outputTokens: 0, requests: 0 };
  const context: ChunkContext = {
    client: options.client,
    model: settings.model,
    endpoint: `${baseURL}|${settings.model}`,
    capabilities,
    maxOutputTokens: request.maxOutputTokens,
    signal: deadline.signal,
    usage,
    errors: {
      host: hostOf(baseURL),
      model: settings.model,
      timeoutMs: settings.timeoutMs,
      apiKey: settings.apiKey,
    },
  };
  let cachedAnswers = 0;
  const answerOne = async (messages: Parameters<typeof askChunk>[1]): Promise<ChunkAnswer> => {
    const key = llmCacheKey(settings.model, messages, request.maxOutputTokens);
    const hit = await readCache(cache, key);
    if (hit) {
      cachedAnswers++;
      return hit;
    }
    // Parts still queued when the deadline passes are not started at all.
    const answer = await schedule(() =>
      deadline.signal.aborted
        ? Promise.resolve<ChunkAnswer>({ ok: false, aborted: true, reason: "deadline" })
        : askChunk(context, messages),
    );
    if (answer.ok && cache) {
      const output = { model: answer.model ?? settings.model, output: JSON.stringify(answer.output) };
      await cache.put(key, output, Date.now()).catch(() => undefined);
    }
    return answer;
  };
  const results = await Promise.all(buildReviewMessages(request).map(answerOne)).finally(() =>
    clearTimeout(timer),
  );
  const durationMs = Math.round(performance.now() - started);
  const facts: LlmRunFacts = {
    outputMode:
      usage.requests === 0 && cachedAnswers > 0 ? "cache" : capabilities.get(context.endpoint).outputMode,
    durationMs,
    cachedAnswers,
    parts: results.length,
  };
  const answered = results.filter((r) => r.ok);
  const model =
    answered.map((r) => r.model && sanitizeServerMessage(r.model)).find((name) => name) ??
    (settings.modelIsDefault ? "unknown model (OPENAI_MODEL unset)" : settings.model);
  const findings = answered.flatMap((r) => r.output.findings.map(toFinding));
  const failures = results.filter((r) => !r.ok);
  const whatChanged = answered.flatMap((r) => r.output.what_changed ?? []);
  if (failures.length === 0) return { status: "ok", model, findings, usage, facts, whatChanged };
  const reason = failures.some((f) => f.aborted)
    ? `the AI review hit its ${seconds(deadlineMs)} deadline (OPENAI_DEADLINE_MS) after ${seconds(durationMs)}, with ${answered.length} of ${results.length} part(s) answered; raise OPENAI_DEADLINE_MS or lower \`llm.maxChunks\``
    : `${failures[0]?.reason}${results.length > 1 ? ` (${failures.length} of ${results.length} parts failed)` : ""}`;
  return { status: "unavailable", model, reason, findings, usage, facts };
}

async function readCache(cache: LlmAnswerCache | null, key: string): Promise<ChunkAnswer | null> {
  if (!cache) return null;
  const hit = await cache.get(key, Date.now()).catch(() => null);
  if (!hit) return null;
  // Validated again: the schema may have changed since the answer was stored.
  const parsed = parseReviewOutput(hit.output);
  return parsed.ok ? { ok: true, output: parsed.output, model: hit.model } : null;
}

function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function toFinding(item: ReviewOutput["findings"][number]): Finding {
  return llmFinding({
    severity: item.severity,
    category: item.category,
    title: item.title,
    message: item.body,
    path: item.path,
    line: item.line,
    startLine: item.start_line,
    side: item.side,
    confidence: item.confidence,
    policy: item.policy,
    ...(item.replacement !== null && item.side === "RIGHT" ? { replacement: item.replacement } : {}),
  });
}
