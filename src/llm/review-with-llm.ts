import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { Finding } from "../findings/finding.ts";
import { buildReviewMessages, type ReviewPromptInput } from "./build-review-messages.ts";
import type { LlmSettings } from "./llm-settings.ts";
import { renderPrompt } from "./render-prompt.ts";
import { type ReviewOutput, reviewOutputSchema } from "./review-output-schema.ts";

export type LlmReviewRequest = ReviewPromptInput;

/** Runs one request under the caller's concurrency limits (see LlmLimiter). */
export type Schedule = <T>(task: () => Promise<T>) => Promise<T>;

export interface LlmUsage {
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  requests: number;
}

export type LlmReview =
  /** `whatChanged`: the model's "what changed" lines from every chunk, in chunk order. */
  | { status: "ok"; model: string; findings: Finding[]; usage: LlmUsage; whatChanged: string[] }
  | { status: "unavailable"; model: string; reason: string; findings: Finding[]; usage: LlmUsage };

const responseFormat = zodResponseFormat(reviewOutputSchema, "pr_triage_review");

export function createLlmClient(settings: LlmSettings): OpenAI {
  // The SDK retries 408/409/429/5xx with backoff and honours `retry-after`.
  return new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? null,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
}

/**
 * Asks the model to review each chunk. The model gets no tools; PR text sits inside a random
 * marker block; secrets are masked first. Output that fails the schema gets one repair attempt,
 * after which the review is "unavailable" (needs a human), never "no findings".
 */
export async function reviewWithLlm(
  client: OpenAI,
  model: string,
  request: LlmReviewRequest,
  schedule: Schedule = (task) => task(),
): Promise<LlmReview> {
  const usage: LlmUsage = { inputTokens: 0, cachedTokens: 0, outputTokens: 0, requests: 0 };
  const findings: Finding[] = [];
  // Chunks run concurrently within the caller's limits.
  const results = await Promise.all(
    buildReviewMessages(request).map((messages) =>
      schedule(() => askWithRepair(client, model, messages, usage)),
    ),
  );
  for (const result of results) if (result.ok) findings.push(...result.output.findings.map(toFinding));
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) {
    const reason =
      results.length > 1
        ? `${failed.reason} (${results.filter((r) => !r.ok).length} of ${results.length} parts failed)`
        : failed.reason;
    return { status: "unavailable", model, reason, findings, usage };
  }
  const whatChanged = results.flatMap((result) => (result.ok ? (result.output.what_changed ?? []) : []));
  return { status: "ok", model, findings, usage, whatChanged };
}

type Attempt = { ok: true; output: ReviewOutput } | { ok: false; reason: string };

async function askWithRepair(
  client: OpenAI,
  model: string,
  messages: ChatCompletionMessageParam[],
  usage: LlmUsage,
): Promise<Attempt> {
  const first = await ask(client, model, messages, usage);
  if (first.ok || first.fatal) return first;
  const repairMessages: ChatCompletionMessageParam[] = [
    ...messages,
    { role: "assistant", content: first.raw || "(no content)" },
    { role: "user", content: renderPrompt("repair", { error: first.reason }) },
  ];
  const second = await ask(client, model, repairMessages, usage);
  if (second.ok) return second;
  return { ok: false, reason: `invalid model output after one repair attempt: ${second.reason}` };
}

type AskResult =
  | { ok: true; output: ReviewOutput }
  | { ok: false; fatal: boolean; reason: string; raw: string };

async function ask(
  client: OpenAI,
  model: string,
  messages: ChatCompletionMessageParam[],
  usage: LlmUsage,
): Promise<AskResult> {
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  try {
    completion = await client.chat.completions.create({
      model,
      messages,
      response_format: responseFormat,
      temperature: 0,
    });
  } catch (error) {
    // Transport failures were already retried by the SDK; repairing would not help.
    return { ok: false, fatal: true, reason: describeError(error), raw: "" };
  }
  usage.requests++;
  usage.inputTokens += completion.usage?.prompt_tokens ?? 0;
  usage.cachedTokens += completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
  usage.outputTokens += completion.usage?.completion_tokens ?? 0;
  const choice = completion.choices[0];
  const raw = choice?.message.content ?? "";
  if (choice?.message.refusal) return { ok: false, fatal: false, reason: "the model refused", raw };
  if (choice?.finish_reason === "length")
    return { ok: false, fatal: false, reason: "output was truncated", raw };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, fatal: false, reason: "output was not valid JSON", raw };
  }
  const parsed = reviewOutputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      fatal: false,
      reason: `output did not match the schema (${issue?.path.join(".") || "root"}: ${issue?.message})`,
      raw,
    };
  }
  return { ok: true, output: parsed.data };
}

function describeError(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return "the LLM request timed out";
  if (error instanceof OpenAI.APIError) return `the LLM endpoint answered ${error.status ?? "an error"}`;
  return `the LLM request failed: ${error instanceof Error ? error.message : String(error)}`;
}

function toFinding(item: ReviewOutput["findings"][number]): Finding {
  return {
    ruleId: `llm/${item.category}`,
    source: "llm",
    severity: item.severity,
    category: item.category,
    title: item.title,
    message: item.body,
    path: item.path,
    line: item.line,
    startLine: item.start_line,
    side: item.side,
    confidence: item.confidence,
    riskFloor: 0,
    policy: item.policy,
    ...(item.replacement !== null && item.side === "RIGHT" ? { replacement: item.replacement } : {}),
  };
}
