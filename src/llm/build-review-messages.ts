import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { redactText } from "../redaction/redact-text.ts";
import { neutralize } from "./neutralize.ts";
import { newMarker } from "./new-marker.ts";
import { renderPrompt } from "./render-prompt.ts";

export interface ReviewPromptInput {
  title: string;
  body: string;
  /** Rendered policy text for the system prompt; identical for every chunk. */
  policies: string;
  chunks: readonly string[];
  /** Secret values found by the analyzers; masked before anything is sent. */
  secrets: readonly string[];
}

/** PR descriptions can be huge; the diff is what matters, so the body is capped. */
const MAX_BODY_CHARS = 4_000;
const MAX_TITLE_CHARS = 300;

/**
 * The exact messages sent for each chunk. The system message (instructions + policies) comes
 * first and is byte-identical for every chunk, so providers' prompt caching applies; everything
 * the PR author controls is in the user message, inside a block with a fresh random marker,
 * secrets masked and forged markers defused.
 */
export function buildReviewMessages(input: ReviewPromptInput): ChatCompletionMessageParam[][] {
  const system = redactText(renderPrompt("system", { policies: input.policies }), input.secrets);
  return input.chunks.map((diff, index) => {
    const marker = newMarker();
    const safe = (text: string) => neutralize(redactText(text, input.secrets), marker);
    const user = renderPrompt("review", {
      marker,
      title: safe(cap(input.title, MAX_TITLE_CHARS)),
      body: safe(cap(input.body, MAX_BODY_CHARS) || "(empty)"),
      chunk: `part ${index + 1} of ${input.chunks.length}`,
      diff: safe(diff),
    });
    return [
      { role: "system", content: system },
      { role: "user", content: user },
    ];
  });
}

function cap(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}\n[… ${text.length - max} more characters not shown]`;
}
