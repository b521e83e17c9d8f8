import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { llmCacheKey } from "../../src/llm/llm-answer-cache.ts";
import { SqliteLlmAnswerCache } from "../../src/llm/sqlite-llm-answer-cache.ts";

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

describe("SqliteLlmAnswerCache", () => {
  let dir: string;
  let cache: SqliteLlmAnswerCache;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "llm-cache-"));
    cache = new SqliteLlmAnswerCache({ dir, maxEntries: 2, maxAgeMs: HOUR });
  });
  afterEach(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns what was stored, across reopening the file", async () => {
    await cache.put("k1", { model: "m", output: '{"findings":[]}' }, T0);
    cache.close();
    cache = new SqliteLlmAnswerCache({ dir, maxEntries: 2, maxAgeMs: HOUR });
    expect(await cache.get("k1", T0 + 1)).toEqual({ model: "m", output: '{"findings":[]}' });
    expect(await cache.get("k2", T0 + 1)).toBeNull();
  });

  it("never returns an answer older than the maximum age", async () => {
    await cache.put("k1", { model: "m", output: "{}" }, T0);
    expect(await cache.get("k1", T0 + HOUR - 1)).not.toBeNull();
    expect(await cache.get("k1", T0 + HOUR)).toBeNull();
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    await cache.put("k1", { model: "m", output: "1" }, T0);
    await cache.put("k2", { model: "m", output: "2" }, T0 + 1);
    await cache.get("k1", T0 + 2);
    await cache.put("k3", { model: "m", output: "3" }, T0 + 3);
    expect(cache.size()).toBe(2);
    expect(await cache.get("k2", T0 + 4)).toBeNull();
    expect(await cache.get("k1", T0 + 4)).not.toBeNull();
    expect(await cache.get("k3", T0 + 4)).not.toBeNull();
  });

  it("explains a DATA_DIR it cannot use", () => {
    const file = join(dir, "not-a-dir");
    writeFileSync(file, "");
    expect(() => new SqliteLlmAnswerCache({ dir: file, maxEntries: 1, maxAgeMs: HOUR })).toThrow(
      /Cannot open the LLM answer cache at .*not-a-dir\/llm-cache\.sqlite: .*Set DATA_DIR to a writable directory, or LLM_CACHE_MAX_ENTRIES=0/,
    );
  });
});

describe("llmCacheKey", () => {
  const messages = (marker: string, diff: string) => [
    { role: "system" as const, content: "system" },
    { role: "user" as const, content: `${marker} BEGIN\n${diff}\n${marker} END` },
  ];

  it("is the same for the same request whatever its random marker, and differs for anything else", () => {
    const a = llmCacheKey("m", messages("<<<PR-TRIAGE-0123456789abcdef>>>", "1 +x"), 4_000);
    expect(llmCacheKey("m", messages("<<<PR-TRIAGE-fedcba9876543210>>>", "1 +x"), 4_000)).toBe(a);
    expect(llmCacheKey("m", messages("<<<PR-TRIAGE-0123456789abcdef>>>", "1 +y"), 4_000)).not.toBe(a);
    expect(llmCacheKey("other", messages("<<<PR-TRIAGE-0123456789abcdef>>>", "1 +x"), 4_000)).not.toBe(a);
    expect(llmCacheKey("m", messages("<<<PR-TRIAGE-0123456789abcdef>>>", "1 +x"), 8_000)).not.toBe(a);
    expect(a).toMatch(/^m:[0-9a-f]{64}$/);
  });
});
