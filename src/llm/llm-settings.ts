import { join } from "node:path";

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

/** Returns `null` when no key is set: the app then runs in analyzers-only mode and says so. */
export function readLlmSettings(env: NodeJS.ProcessEnv): LlmSettings | null {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return null;
  const model = env.OPENAI_MODEL?.trim();
  const apiVersion = env.OPENAI_API_VERSION?.trim();
  const cacheEntries = wholeNumber(env.LLM_CACHE_MAX_ENTRIES, DEFAULT_CACHE_ENTRIES, "LLM_CACHE_MAX_ENTRIES");
  return {
    apiKey,
    baseURL: env.OPENAI_BASE_URL?.trim() || undefined,
    model: model || DEFAULT_MODEL,
    ...(model ? {} : { modelIsDefault: true }),
    timeoutMs: wholeNumber(env.OPENAI_TIMEOUT_MS, 120_000, "OPENAI_TIMEOUT_MS"),
    maxRetries: wholeNumber(env.OPENAI_MAX_RETRIES, 2, "OPENAI_MAX_RETRIES"),
    deadlineMs: wholeNumber(env.OPENAI_DEADLINE_MS, DEFAULT_DEADLINE_MS, "OPENAI_DEADLINE_MS", 1),
    concurrency: wholeNumber(env.OPENAI_CONCURRENCY, DEFAULT_CONCURRENCY, "OPENAI_CONCURRENCY", 1),
    ...(apiVersion ? { apiVersion } : {}),
    ...(cacheEntries === 0
      ? {}
      : {
          cache: {
            dir: env.DATA_DIR?.trim() || join(".", ".data"),
            maxEntries: cacheEntries,
            maxAgeMs:
              wholeNumber(env.LLM_CACHE_MAX_AGE_HOURS, DEFAULT_CACHE_HOURS, "LLM_CACHE_MAX_AGE_HOURS", 1) *
              3_600_000,
          },
        }),
  };
}

function wholeNumber(raw: string | undefined, fallback: number, name: string, min = 0): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `${name} must be a whole number of at least ${min}, got "${raw}". Unset it to use ${fallback}.`,
    );
  }
  return value;
}
