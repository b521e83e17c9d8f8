import { createHash } from "node:crypto";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { MARKER_PATTERN } from "./new-marker.ts";

/** A validated answer, kept so a re-run on an unchanged head does not pay for it again. */
export interface CachedAnswer {
  /** The model that wrote it, as the endpoint named it. */
  model: string;
  /** The answer's JSON; validated again on every read. */
  output: string;
}

/**
 * Durable store of LLM answers, keyed by model and a hash of the exact request. Small so that a
 * PostgreSQL implementation (for `DATABASE_URL`) can follow the SQLite one.
 */
export interface LlmAnswerCache {
  get(key: string, now: number): Promise<CachedAnswer | null>;
  put(key: string, answer: CachedAnswer, now: number): Promise<void>;
}

/**
 * The cache key: model, output budget and messages (which carry the prompts, policies, title,
 * body and diff chunk) with the per-request marker replaced by a placeholder.
 */
export function llmCacheKey(
  model: string,
  messages: readonly ChatCompletionMessageParam[],
  maxOutputTokens: number,
): string {
  const request = JSON.stringify({ model, maxOutputTokens, messages }).replace(
    MARKER_PATTERN,
    "<<<MARKER>>>",
  );
  return `${model}:${createHash("sha256").update(request).digest("hex")}`;
}
