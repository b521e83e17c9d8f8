/** How the app reaches its model. Read only from the app's environment, never from a repo. */
export interface LlmSettings {
  apiKey: string;
  /** Undefined means the openai SDK's default endpoint. */
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

const DEFAULT_MODEL = "gpt-4.1-mini";

/** Returns `null` when no key is set: the app then runs in analyzers-only mode and says so. */
export function readLlmSettings(env: NodeJS.ProcessEnv): LlmSettings | null {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return null;
  return {
    apiKey,
    baseURL: env.OPENAI_BASE_URL?.trim() || undefined,
    model: env.OPENAI_MODEL?.trim() || DEFAULT_MODEL,
    timeoutMs: positiveInt(env.OPENAI_TIMEOUT_MS, 120_000, "OPENAI_TIMEOUT_MS"),
    maxRetries: positiveInt(env.OPENAI_MAX_RETRIES, 2, "OPENAI_MAX_RETRIES"),
  };
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `${name} must be a whole number of at least 0, got "${raw}". Unset it to use ${fallback}.`,
    );
  }
  return value;
}
