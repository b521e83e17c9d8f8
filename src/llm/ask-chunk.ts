import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { buildCompletionRequest } from "./build-completion-request.ts";
import { describeLlmError, type ErrorContext, serverMessage } from "./describe-llm-error.ts";
import {
  type EndpointCapabilities,
  type EndpointCapability,
  noteIgnoredSchema,
} from "./endpoint-capabilities.ts";
import { NOT_JSON, parseReviewOutput } from "./parse-review-output.ts";
import { renderPrompt } from "./render-prompt.ts";
import type { ReviewOutput } from "./review-output-schema.ts";
import type { LlmUsage } from "./review-with-llm.ts";

export interface ChunkContext {
  client: OpenAI;
  /** The model sent with each request. */
  model: string;
  /** Base URL and model: what capabilities are learnt for. */
  endpoint: string;
  capabilities: EndpointCapabilities;
  maxOutputTokens: number;
  /** Aborted when the triage's deadline passes. */
  signal: AbortSignal;
  usage: LlmUsage;
  errors: ErrorContext;
}

export type ChunkAnswer =
  | { ok: true; output: ReviewOutput; model: string | null }
  | { ok: false; reason: string; aborted: boolean };

/** Enough of a failed answer for the model to see its mistake, without re-sending all of it. */
const EXCERPT_CHARS = 400;
/** One probe per output mode and token parameter is plenty. */
const MAX_ADAPTATIONS = 4;

/**
 * Asks for one chunk's review. A rejected request format is learnt and retried in the next mode;
 * an answer that fails validation gets one repair request carrying the error and a short excerpt.
 */
export async function askChunk(
  ctx: ChunkContext,
  messages: ChatCompletionMessageParam[],
): Promise<ChunkAnswer> {
  const first = await complete(ctx, messages);
  if (!first.ok) return first;
  const checked = check(first, ctx.maxOutputTokens);
  if (checked.ok) return { ok: true, output: checked.output, model: first.model };
  if (!first.truncated && checked.reason === NOT_JSON)
    noteIgnoredSchema(ctx.capabilities, ctx.endpoint, first.sent);
  const excerpt = first.raw.length > EXCERPT_CHARS ? `${first.raw.slice(0, EXCERPT_CHARS)} […]` : first.raw;
  const second = await complete(ctx, [
    ...messages,
    {
      role: "user",
      content: renderPrompt("repair", { error: checked.reason, excerpt: excerpt || "(no content)" }),
    },
  ]);
  if (!second.ok) return second;
  const repaired = check(second, ctx.maxOutputTokens);
  if (repaired.ok) return { ok: true, output: repaired.output, model: second.model };
  return {
    ok: false,
    aborted: false,
    reason: `invalid model output after one repair attempt: ${repaired.reason}`,
  };
}

interface Completed {
  ok: true;
  /** What the request was sent with. */
  sent: EndpointCapability;
  raw: string;
  model: string | null;
  truncated: boolean;
  refused: boolean;
}

async function complete(
  ctx: ChunkContext,
  messages: ChatCompletionMessageParam[],
): Promise<Completed | { ok: false; reason: string; aborted: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const sent = ctx.capabilities.get(ctx.endpoint);
    try {
      const completion = await ctx.client.chat.completions.create(
        buildCompletionRequest(ctx.model, messages, sent, ctx.maxOutputTokens),
        { signal: ctx.signal },
      );
      ctx.usage.requests++;
      ctx.usage.inputTokens += completion.usage?.prompt_tokens ?? 0;
      ctx.usage.cachedTokens += completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
      ctx.usage.outputTokens += completion.usage?.completion_tokens ?? 0;
      const choice = completion.choices[0];
      return {
        ok: true,
        sent,
        raw: choice?.message.content ?? "",
        model: completion.model || null,
        truncated: choice?.finish_reason === "length",
        refused: Boolean(choice?.message.refusal),
      };
    } catch (error) {
      if (ctx.signal.aborted) return { ok: false, aborted: true, reason: "deadline" };
      const rejected =
        error instanceof OpenAI.APIError &&
        !(error instanceof OpenAI.APIConnectionError) &&
        error.status !== undefined
          ? ctx.capabilities.adapt(ctx.endpoint, sent, error.status, serverMessage(error))
          : null;
      if (rejected && attempt < MAX_ADAPTATIONS) continue;
      return { ok: false, aborted: false, reason: describeLlmError(error, ctx.errors) };
    }
  }
}

function check(
  answer: Completed,
  maxOutputTokens: number,
): { ok: true; output: ReviewOutput } | { ok: false; reason: string } {
  if (answer.refused) return { ok: false, reason: "the model refused" };
  const parsed = parseReviewOutput(answer.raw);
  if (parsed.ok || !answer.truncated) return parsed;
  return {
    ok: false,
    reason: `output was truncated at the ${maxOutputTokens}-token output budget (llm.maxOutputTokens)`,
  };
}
