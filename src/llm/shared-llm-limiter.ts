import { DEFAULT_CONCURRENCY, type LlmSettings } from "../settings/llm-settings.ts";
import { LlmLimiter } from "./llm-limiter.ts";

const limiters = new Map<number, LlmLimiter>();

/**
 * The process's limiter for OPENAI_CONCURRENCY: the app's jobs and the CLI's chunks wait in the
 * same line, so a single-slot local server is never sent more than it can serve.
 */
export function sharedLlmLimiter(settings: Pick<LlmSettings, "concurrency">): LlmLimiter {
  const global = settings.concurrency ?? DEFAULT_CONCURRENCY;
  let limiter = limiters.get(global);
  if (!limiter) {
    // Half the slots per installation, so one busy org cannot starve the others.
    limiter = new LlmLimiter(global, Math.max(1, Math.ceil(global / 2)));
    limiters.set(global, limiter);
  }
  return limiter;
}
