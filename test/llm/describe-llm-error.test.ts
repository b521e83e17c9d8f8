import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { describeLlmError } from "../../src/llm/describe-llm-error.ts";
import { sanitizeServerMessage } from "../../src/llm/sanitize-server-message.ts";

const CONTEXT = { host: "llm.internal:8000", model: "m", timeoutMs: 120_000, apiKey: "sk-live-secret" };

describe("describeLlmError", () => {
  it("a DNS failure is 'nothing answered', with the resolver's code", () => {
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND llm.internal"), { code: "ENOTFOUND" });
    const error = new OpenAI.APIConnectionError({
      message: "Connection error.",
      cause: new TypeError("fetch failed", { cause: dns }),
    });
    expect(describeLlmError(error, CONTEXT)).toBe(
      "nothing answered at llm.internal:8000 (ENOTFOUND): check OPENAI_BASE_URL and that the server is running",
    );
  });

  it("a timeout names the setting, in seconds", () => {
    expect(describeLlmError(new OpenAI.APIConnectionTimeoutError(), CONTEXT)).toBe(
      "the LLM request timed out: nothing answered at llm.internal:8000 within 120 s (OPENAI_TIMEOUT_MS)",
    );
  });

  it("anything else keeps its message, without the key", () => {
    expect(describeLlmError(new Error("bad sk-live-secret"), CONTEXT)).toBe(
      "the LLM request to llm.internal:8000 failed: bad [redacted]",
    );
  });
});

describe("sanitizeServerMessage", () => {
  it("strips markup, backticks and control characters, masks key-shaped strings and cuts long text", () => {
    expect(sanitizeServerMessage("<b>bad</b> `key` sk-abcdefghijklmnop\u0007 @team")).toBe(
      "bad key sk-[redacted] @team",
    );
    const long = sanitizeServerMessage("x".repeat(1_000));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });
});
