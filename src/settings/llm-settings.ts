import { join } from "node:path";
import { z } from "zod";
import { rawVar, textVar, wholeNumberVar, wholeNumberVars } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

/** Where and how long LLM answers are kept (see SqliteLlmAnswerCache). */
export interface LlmCacheSettings {
  dir: string;
  maxEntries: number;
  maxAgeMs: number;
}

/** How the app reaches its model. Read only from the app's environment, never from a repo. */
export interface LlmSettings {
  apiKey: string;
  /** Undefined means the openai SDK's default endpoint. */
  baseURL: string | undefined;
  /** Sent with every request. The run is labelled and priced with the model the answer names. */
  model: string;
  /** True when OPENAI_MODEL was unset and `model` is only our default. */
  modelIsDefault?: boolean;
  timeoutMs: number;
  maxRetries: number;
  /** Overall limit for one triage's LLM work, retries and queueing included (OPENAI_DEADLINE_MS). */
  deadlineMs?: number;
  /** Requests in flight at once across the process (OPENAI_CONCURRENCY). */
  concurrency?: number;
  /** Azure OpenAI's `api-version` (OPENAI_API_VERSION): selects the SDK's AzureOpenAI client. */
  apiVersion?: string;
  /** Absent: no answer cache. */
  cache?: LlmCacheSettings;
}

export const DEFAULT_MODEL = "gpt-4.1-mini";
export const DEFAULT_DEADLINE_MS = 300_000;
/** Hosted APIs serve several requests at once; a local single-slot server wants 1. */
export const DEFAULT_CONCURRENCY = 4;
const DEFAULT_CACHE_ENTRIES = 2_000;
const DEFAULT_CACHE_HOURS = 168;

/** Every variable the LLM client reads; the URL is checked even without a key, as at start-up. */
export const llmEnvSchema = z.object({
  OPENAI_API_KEY: textVar,
  OPENAI_BASE_URL: rawVar.superRefine((raw, ctx) => {
    if (!raw || URL.canParse(raw)) return;
    ctx.addIssue({
      code: "custom",
      message: `OPENAI_BASE_URL must be a URL such as https://api.openai.com/v1, got "${raw}".`,
    });
  }),
  OPENAI_MODEL: textVar,
  OPENAI_API_VERSION: textVar,
  ...wholeNumberVars({
    OPENAI_TIMEOUT_MS: [120_000, 0],
    OPENAI_MAX_RETRIES: [2, 0],
  }),
  OPENAI_DEADLINE_MS: wholeNumberVar("OPENAI_DEADLINE_MS", DEFAULT_DEADLINE_MS, 1),
  OPENAI_CONCURRENCY: wholeNumberVar("OPENAI_CONCURRENCY", DEFAULT_CONCURRENCY, 1),
  LLM_CACHE_MAX_ENTRIES: wholeNumberVar("LLM_CACHE_MAX_ENTRIES", DEFAULT_CACHE_ENTRIES, 0),
  LLM_CACHE_MAX_AGE_HOURS: wholeNumberVar("LLM_CACHE_MAX_AGE_HOURS", DEFAULT_CACHE_HOURS, 1),
  DATA_DIR: textVar,
});

/**
 * Returns `null` when no key is set: the app then runs in analyzers-only mode and says so.
 * Throws a SettingsError when a variable is malformed, key or not.
 */
export function readLlmSettings(env: NodeJS.ProcessEnv): LlmSettings | null {
  const vars = parseEnv(llmEnvSchema, env);
  const apiKey = vars.OPENAI_API_KEY;
  if (!apiKey) return null;
  const model = vars.OPENAI_MODEL;
  const apiVersion = vars.OPENAI_API_VERSION;
  return {
    apiKey,
    baseURL: vars.OPENAI_BASE_URL?.trim() || undefined,
    model: model || DEFAULT_MODEL,
    ...(model ? {} : { modelIsDefault: true }),
    timeoutMs: vars.OPENAI_TIMEOUT_MS,
    maxRetries: vars.OPENAI_MAX_RETRIES,
    deadlineMs: vars.OPENAI_DEADLINE_MS,
    concurrency: vars.OPENAI_CONCURRENCY,
    ...(apiVersion ? { apiVersion } : {}),
    ...(vars.LLM_CACHE_MAX_ENTRIES === 0
      ? {}
      : {
          cache: {
            dir: vars.DATA_DIR || join(".", ".data"),
            maxEntries: vars.LLM_CACHE_MAX_ENTRIES,
            maxAgeMs: vars.LLM_CACHE_MAX_AGE_HOURS * 3_600_000,
          },
        }),
  };
}
