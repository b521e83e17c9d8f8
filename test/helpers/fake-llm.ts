import nock from "nock";

export const FAKE_LLM_URL = "https://llm.test/v1";

/** A chat-completions answer as an OpenAI-compatible server sends it. */
export function completion(content: string, finishReason = "stop"): Record<string, unknown> {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1,
    model: "test-model",
    choices: [
      { index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: finishReason },
    ],
    usage: {
      prompt_tokens: 1200,
      completion_tokens: 80,
      total_tokens: 1280,
      prompt_tokens_details: { cached_tokens: 1024 },
    },
  };
}

/** Fakes the LLM at its HTTP boundary and records every request body it receives. */
export function nockChatCompletion(
  content: string,
  requests: Record<string, unknown>[] = [],
  status = 200,
): nock.Scope {
  return nock(FAKE_LLM_URL)
    .post("/chat/completions", (body) => {
      requests.push(body);
      return true;
    })
    .reply(status, status === 200 ? completion(content) : { error: { message: "fail" } });
}
