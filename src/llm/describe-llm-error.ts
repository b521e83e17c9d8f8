import OpenAI from "openai";
import { errorMessage } from "../errors/error-message.ts";
import { sanitizeServerMessage } from "./sanitize-server-message.ts";

export interface ErrorContext {
  /** Where the request went, e.g. `127.0.0.1:8013` or `api.openai.com`. */
  host: string;
  model: string;
  timeoutMs: number;
  apiKey: string;
}

const CONTEXT_OVERFLOW =
  /context (size|length|window)|maximum context|n_ctx|too many tokens|prompt is too long|input is too long|max_model_len|exceeds? .*tokens/i;
const MODEL_MISSING =
  /model\b.*\b(not found|does not exist|not exist|unknown|not available)|DeploymentNotFound|unknown model|no such model/i;

/**
 * What a user reads when a request failed: what happened, where, in the server's own words
 * (sanitized and cut), and the setting that fixes it. Connection errors are checked first: the
 * SDK's APIConnectionError is a subclass of APIError and has no status.
 */
export function describeLlmError(error: unknown, context: ErrorContext): string {
  const { host } = context;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return `the LLM request timed out: nothing answered at ${host} within ${seconds(context.timeoutMs)} (OPENAI_TIMEOUT_MS)`;
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const code = causeCode(error);
    return `nothing answered at ${host}${code ? ` (${code})` : ""}: check OPENAI_BASE_URL and that the server is running`;
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const said = serverMessage(error);
    const shown = said ? `: \`${sanitizeServerMessage(said, [context.apiKey])}\`` : "";
    const fix = fixFor(error.status, said, context.model);
    return `the LLM endpoint answered ${error.status} at ${host}${shown}${fix ? `. ${fix}` : ""}`;
  }
  const message = errorMessage(error);
  return `the LLM request to ${host} failed: ${sanitizeServerMessage(message, [context.apiKey])}`;
}

/** The message the server wrote, whatever shape its error body had (see fetchWithErrorShapes). */
export function serverMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | string | undefined;
  if (typeof body === "string") return body;
  if (body && typeof body.message === "string") return body.message;
  if (body && body.message !== undefined) return JSON.stringify(body.message);
  return error.message.replace(/^\d{3}\s*/, "").replace(/^status code \(no body\)$/, "");
}

function fixFor(status: number, said: string, model: string): string {
  if (CONTEXT_OVERFLOW.test(said)) {
    return "The prompt is larger than the server's context: lower `llm.maxInputTokens` in .github/pr-triage.yml, or raise the server's context (llama-server `-c`, Ollama `num_ctx`, vLLM `--max-model-len`)";
  }
  if (MODEL_MISSING.test(said) || (status === 404 && /model|deployment/i.test(said))) {
    return `Check OPENAI_MODEL (now \`${model}\`): it must name a model this endpoint serves (on Azure, a deployment name)`;
  }
  if (status === 401 || status === 403) return "Check OPENAI_API_KEY: the endpoint refused it";
  if (status === 404) return "Check OPENAI_BASE_URL: OpenAI-compatible servers usually serve under `/v1`";
  if (status === 429) return "The endpoint is rate-limiting: lower OPENAI_CONCURRENCY or raise the quota";
  if (status >= 500) return "The server failed; its logs say why";
  return "";
}

function causeCode(error: Error): string | undefined {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cause = cause.cause;
  }
  return undefined;
}

function seconds(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
