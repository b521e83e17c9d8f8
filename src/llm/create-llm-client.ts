import OpenAI, { AzureOpenAI } from "openai";
import type { LlmSettings } from "../settings/llm-settings.ts";
import { fetchWithErrorShapes } from "./fetch-with-error-shapes.ts";

/**
 * The SDK client for the configured endpoint. It retries 408/409/429/5xx with backoff and honours
 * `retry-after`. With OPENAI_API_VERSION set it is Azure OpenAI's deployment API: the SDK then
 * sends `api-key` instead of a bearer token, adds `?api-version=` and routes by deployment
 * (OPENAI_MODEL), which plain `OpenAI` cannot do.
 */
export function createLlmClient(settings: LlmSettings): OpenAI {
  const common = {
    apiKey: settings.apiKey,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    fetch: fetchWithErrorShapes,
  };
  if (settings.apiVersion) {
    if (!settings.baseURL) {
      throw new Error(
        "OPENAI_API_VERSION selects Azure OpenAI, which needs OPENAI_BASE_URL=https://<resource>.openai.azure.com/openai; it is unset.",
      );
    }
    return new AzureOpenAI({ ...common, baseURL: settings.baseURL, apiVersion: settings.apiVersion });
  }
  return new OpenAI({ ...common, baseURL: settings.baseURL ?? null });
}
