import type { LlmSettings } from "../settings/llm-settings.ts";
import type { LlmAnswerCache } from "./llm-answer-cache.ts";
import { SqliteLlmAnswerCache } from "./sqlite-llm-answer-cache.ts";

const caches = new Map<string, SqliteLlmAnswerCache>();

/** The answer cache in DATA_DIR, opened once per directory; `null` when the settings turn it off. */
export function sharedLlmCache(settings: Pick<LlmSettings, "cache">): LlmAnswerCache | null {
  const { cache } = settings;
  if (!cache) return null;
  let open = caches.get(cache.dir);
  if (!open) {
    open = new SqliteLlmAnswerCache(cache);
    caches.set(cache.dir, open);
  }
  return open;
}
