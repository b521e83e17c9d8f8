/**
 * How an endpoint takes structured output, strongest first: a strict JSON schema the server
 * enforces (OpenAI, llama.cpp, recent vLLM and Ollama), JSON mode with the schema in the
 * prompt, then plain text with the schema in the prompt. Zod validates the answer in every mode.
 */
export type OutputMode = "json_schema" | "json_object" | "text";

/** OpenAI's reasoning models reject `max_tokens`; older servers do not know `max_completion_tokens`. */
export type TokenParam = "max_tokens" | "max_completion_tokens";

export interface EndpointCapability {
  outputMode: OutputMode;
  tokenParam: TokenParam;
}

const START: EndpointCapability = { outputMode: "json_schema", tokenParam: "max_tokens" };
const NEXT_MODE: Record<OutputMode, OutputMode | null> = {
  json_schema: "json_object",
  json_object: "text",
  text: null,
};
const REJECTED_FORMAT = /response_format|json_schema|json_object|structured output|schema|grammar/i;

/**
 * What each endpoint (base URL and model) was found to accept, learnt once from its first
 * rejection and kept for the life of the process, so later triages go straight to what works.
 */
export class EndpointCapabilities {
  readonly #known = new Map<string, EndpointCapability>();

  get(endpoint: string): EndpointCapability {
    return this.#known.get(endpoint) ?? START;
  }

  /**
   * Learns from a 400/422 to a request sent with `sent`: returns the capability to retry with, or
   * `null` when the rejection is about something else (context overflow, unknown model) and
   * retrying would not help. Concurrent chunks all fail on the first probe; only one step is
   * learnt from them.
   */
  adapt(
    endpoint: string,
    sent: EndpointCapability,
    status: number,
    message: string,
  ): EndpointCapability | null {
    if (status !== 400 && status !== 422) return null;
    const known = this.get(endpoint);
    if (known.outputMode !== sent.outputMode || known.tokenParam !== sent.tokenParam) return known;
    const current = sent;
    let next: EndpointCapability | null = null;
    if (
      current.tokenParam === "max_tokens" &&
      /max_tokens/.test(message) &&
      /max_completion_tokens|unsupported/i.test(message)
    ) {
      next = { ...current, tokenParam: "max_completion_tokens" };
    } else if (current.tokenParam === "max_completion_tokens" && /max_completion_tokens/.test(message)) {
      next = { ...current, tokenParam: "max_tokens" };
    } else if (REJECTED_FORMAT.test(message)) {
      const mode = NEXT_MODE[current.outputMode];
      next = mode ? { ...current, outputMode: mode } : null;
    }
    if (next) this.#known.set(endpoint, next);
    return next;
  }
}

/**
 * Records that the endpoint accepted a strict schema but answered prose anyway (it ignores
 * `response_format`, as older Ollama and some gateways do): from now on the schema goes in the
 * prompt too. A server that enforces the schema cannot answer anything but JSON.
 */
export function noteIgnoredSchema(
  capabilities: EndpointCapabilities,
  endpoint: string,
  sent: EndpointCapability,
): void {
  if (sent.outputMode === "json_schema") capabilities.adapt(endpoint, sent, 400, "response_format ignored");
}

/** One per process: the app's jobs and the CLI learn each endpoint once. */
export const sharedEndpointCapabilities = new EndpointCapabilities();
