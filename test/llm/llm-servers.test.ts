import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLlmClient } from "../../src/llm/create-llm-client.ts";
import { EndpointCapabilities } from "../../src/llm/endpoint-capabilities.ts";
import { estimateCost } from "../../src/llm/estimate-cost.ts";
import { type LlmReviewRequest, reviewWithLlm } from "../../src/llm/review-with-llm.ts";
import type { LlmSettings } from "../../src/settings/llm-settings.ts";
import { readPriceTable } from "../../src/settings/read-price-table.ts";
import { FakeHttpServer } from "../helpers/fake-http-server.ts";
import { completion } from "../helpers/fake-llm.ts";

type Body = { messages: { role: string; content: string }[]; [key: string]: unknown };

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/llm/${name}.json`, import.meta.url), "utf8"));
}

const VALID = JSON.stringify({
  findings: [
    {
      path: "src/cli.ts",
      line: 2,
      start_line: null,
      side: "RIGHT",
      severity: "critical",
      category: "security",
      title: "eval of a CLI argument",
      body: "Runs arbitrary code.",
      confidence: 0.9,
      policy: null,
    },
  ],
});

const REQUEST: LlmReviewRequest = {
  title: "Add eval",
  body: "adds a CLI",
  policies: "No policies.",
  chunks: ["## File: src/cli.ts\n__new hunk__\n1 +const x = 1;\n2 +eval(process.argv[2]);"],
  secrets: [],
  maxOutputTokens: 60,
};

function settings(overrides: Partial<LlmSettings> = {}): LlmSettings {
  return {
    apiKey: "sk-test-key",
    baseURL: "http://127.0.0.1:8013/v1",
    model: "stories260k",
    timeoutMs: 5_000,
    maxRetries: 0,
    ...overrides,
  };
}

function review(s: LlmSettings, capabilities = new EndpointCapabilities(), request = REQUEST) {
  return reviewWithLlm(request, { client: createLlmClient(s), settings: s, capabilities });
}

/** Answers each request with the next reply, recording what was sent. */
function server(origin: string, path: string, replies: { status: number; body: unknown }[]) {
  const bodies: Body[] = [];
  const headers: Record<string, string | string[] | undefined>[] = [];
  const scope = nock(origin);
  for (const reply of replies) {
    scope
      .post(path, (body) => {
        bodies.push(body);
        return true;
      })
      .query(true)
      .reply(function (this: nock.ReplyFnContext) {
        headers.push({ ...this.req.headers });
        return [reply.status, reply.body as nock.Body];
      });
  }
  return { scope, bodies, headers };
}

const LLAMA = "http://127.0.0.1:8013";

describe("OpenAI-compatible servers, at the HTTP boundary with their own answers", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  describe("llama.cpp server (recorded)", () => {
    it("takes the strict schema and a bounded output budget; the run is named after the model it reports", async () => {
      const { scope, bodies } = server(LLAMA, "/v1/chat/completions", [
        { status: 200, body: fixture("llama-server/completion-json-schema") },
      ]);
      const result = await review(settings({ model: "gpt-4.1-mini", modelIsDefault: true }));
      expect(scope.isDone()).toBe(true);
      expect(result).toMatchObject({ status: "ok", model: "stories260k", findings: [] });
      expect(result.facts).toMatchObject({ outputMode: "json_schema", cachedAnswers: 0, parts: 1 });
      expect(bodies[0]).toMatchObject({ max_tokens: 60, response_format: { type: "json_schema" } });
      // Not priced as the default model it was sent as: there is no price for it.
      expect(estimateCost(result.model, result.usage, readPriceTable({}))).toBeNull();
    });

    it("context overflow: the server's own words, the host and the fix; no retry, no downgrade", async () => {
      const capabilities = new EndpointCapabilities();
      const { scope, bodies } = server(LLAMA, "/v1/chat/completions", [
        { status: 400, body: fixture("llama-server/error-context-overflow") },
      ]);
      const result = await review(settings(), capabilities);
      expect(scope.isDone()).toBe(true);
      expect(bodies).toHaveLength(1);
      expect(result.status === "unavailable" && result.reason).toBe(
        "the LLM endpoint answered 400 at 127.0.0.1:8013: `request (4043 tokens) exceeds the available context size (2048 tokens), try increasing it`. " +
          "The prompt is larger than the server's context: lower `llm.maxInputTokens` in .github/pr-triage.yml, or raise the server's context (llama-server `-c`, Ollama `num_ctx`, vLLM `--max-model-len`)",
      );
      expect(capabilities.get(`${LLAMA}/v1|stories260k`).outputMode).toBe("json_schema");
    });

    it("output cut at the budget: one repair with the error and a short excerpt, then the budget is named", async () => {
      const truncated = fixture("llama-server/completion-truncated");
      const { scope, bodies } = server(LLAMA, "/v1/chat/completions", [
        { status: 200, body: truncated },
        { status: 200, body: truncated },
      ]);
      const result = await review(settings());
      expect(scope.isDone()).toBe(true);
      expect(result.status === "unavailable" && result.reason).toBe(
        "invalid model output after one repair attempt: output was truncated at the 60-token output budget (llm.maxOutputTokens)",
      );
      const repair = bodies[1]?.messages.at(-1)?.content ?? "";
      expect(repair).toContain("output was truncated at the 60-token output budget");
      expect(repair).toContain('{ "findings" : [');
      expect(bodies[1]?.messages.map((m) => m.role)).toEqual(["system", "user", "user"]);
    });

    it("a schema the server cannot turn into a grammar: falls back to JSON mode once, with the schema in the prompt", async () => {
      const capabilities = new EndpointCapabilities();
      const { scope, bodies } = server(LLAMA, "/v1/chat/completions", [
        { status: 400, body: fixture("llama-server/error-schema-conversion") },
        { status: 200, body: completion(VALID) },
        { status: 200, body: completion(VALID) },
      ]);
      const first = await review(settings(), capabilities);
      expect(first).toMatchObject({ status: "ok", facts: { outputMode: "json_object" } });
      expect(first.findings).toHaveLength(1);
      expect(bodies[1]?.response_format).toEqual({ type: "json_object" });
      expect(bodies[1]?.messages[0]?.content).toContain('"additionalProperties": false');
      // Learnt once: the next triage goes straight to JSON mode.
      const second = await review(settings(), capabilities);
      expect(second.status).toBe("ok");
      expect(bodies).toHaveLength(3);
      expect(bodies[2]?.response_format).toEqual({ type: "json_object" });
      expect(scope.isDone()).toBe(true);
    });
  });

  describe("OpenAI", () => {
    const OPENAI = "https://api.openai.com";

    it("a model that rejects max_tokens is sent max_completion_tokens instead", async () => {
      const { scope, bodies } = server(OPENAI, "/v1/chat/completions", [
        { status: 400, body: fixture("openai/error-max-tokens-unsupported") },
        { status: 200, body: { ...completion(VALID), model: "o4-mini-2025-04-16" } },
      ]);
      const result = await review(settings({ baseURL: undefined, model: "o4-mini" }));
      expect(scope.isDone()).toBe(true);
      expect(result).toMatchObject({ status: "ok", model: "o4-mini-2025-04-16" });
      expect(bodies[0]).toHaveProperty("max_tokens", 60);
      expect(bodies[1]).not.toHaveProperty("max_tokens");
      expect(bodies[1]).toHaveProperty("max_completion_tokens", 60);
    });

    it("a wrong key: says so, and never echoes the key", async () => {
      server(OPENAI, "/v1/chat/completions", [
        { status: 401, body: fixture("openai/error-invalid-api-key") },
      ]);
      const result = await review(settings({ baseURL: undefined, apiKey: "sk-test", model: "gpt-4.1-mini" }));
      const reason = result.status === "unavailable" ? result.reason : "";
      expect(reason).toMatch(
        /^the LLM endpoint answered 401 at api\.openai\.com: `Incorrect API key provided: \[redacted\]\./,
      );
      expect(reason).toContain("Check OPENAI_API_KEY: the endpoint refused it");
      expect(reason).not.toContain("sk-test");
    });

    it("context length exceeded gets the same fix as llama.cpp's overflow", async () => {
      server(OPENAI, "/v1/chat/completions", [{ status: 400, body: fixture("openai/error-context-length") }]);
      const result = await review(settings({ baseURL: undefined, model: "gpt-4.1-mini" }));
      expect(result.status === "unavailable" && result.reason).toContain(
        "maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.",
      );
      expect(result.status === "unavailable" && result.reason).toContain("lower `llm.maxInputTokens`");
    });
  });

  describe("Azure OpenAI", () => {
    const AZURE = "https://acme.openai.azure.com";
    const azure = (overrides: Partial<LlmSettings> = {}) =>
      settings({ baseURL: `${AZURE}/openai`, apiVersion: "2024-10-21", model: "triage-4o", ...overrides });

    it("routes by deployment with api-version and the api-key header (no bearer token)", async () => {
      const { scope, headers } = server(AZURE, "/openai/deployments/triage-4o/chat/completions", [
        { status: 200, body: { ...completion(VALID), model: "gpt-4o-2024-08-06" } },
      ]);
      const query: Record<string, string>[] = [];
      scope.on("request", (req: { path: string }) => {
        query.push(Object.fromEntries(new URL(req.path, AZURE).searchParams));
      });
      const result = await review(azure());
      expect(scope.isDone()).toBe(true);
      expect(query[0]).toEqual({ "api-version": "2024-10-21" });
      expect(headers[0]?.["api-key"]).toBe("sk-test-key");
      expect(headers[0]?.authorization).toBeUndefined();
      // Labelled and priced by the model behind the deployment.
      expect(result).toMatchObject({ status: "ok", model: "gpt-4o-2024-08-06" });
      expect(estimateCost(result.model, result.usage, readPriceTable({}))).not.toBeNull();
    });

    it("the v1 API form is the plain OpenAI client on the resource's /openai/v1 URL", async () => {
      const { scope, bodies, headers } = server(AZURE, "/openai/v1/chat/completions", [
        { status: 200, body: { ...completion(VALID), model: "gpt-4o-2024-08-06" } },
      ]);
      const result = await review(settings({ baseURL: `${AZURE}/openai/v1/`, model: "triage-4o" }));
      expect(scope.isDone()).toBe(true);
      expect(result.status).toBe("ok");
      expect(bodies[0]?.model).toBe("triage-4o");
      expect(headers[0]?.authorization).toBe("Bearer sk-test-key");
    });

    it("an unknown deployment points at OPENAI_MODEL", async () => {
      server(AZURE, "/openai/deployments/triage-4o/chat/completions", [
        { status: 404, body: fixture("azure/error-deployment-not-found") },
      ]);
      const result = await review(azure());
      expect(result.status === "unavailable" && result.reason).toBe(
        "the LLM endpoint answered 404 at acme.openai.azure.com: `The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.`. " +
          "Check OPENAI_MODEL (now `triage-4o`): it must name a model this endpoint serves (on Azure, a deployment name)",
      );
    });
  });

  describe("Ollama (/v1)", () => {
    it("a model that was never pulled: Ollama's message and the OPENAI_MODEL fix", async () => {
      const { scope } = server("http://127.0.0.1:11434", "/v1/chat/completions", [
        { status: 404, body: fixture("ollama/error-model-not-found") },
      ]);
      const result = await review(settings({ baseURL: "http://127.0.0.1:11434/v1", model: "llama3.1" }));
      expect(scope.isDone()).toBe(true);
      expect(result.status === "unavailable" && result.reason).toBe(
        'the LLM endpoint answered 404 at 127.0.0.1:11434: `model "llama3.1" not found, try pulling it first`. ' +
          "Check OPENAI_MODEL (now `llama3.1`): it must name a model this endpoint serves (on Azure, a deployment name)",
      );
    });
  });

  describe("a server that accepts json_schema but ignores it (older Ollama, some gateways)", () => {
    it("answers prose: the repair, and every later request, carry the schema in the prompt", async () => {
      const capabilities = new EndpointCapabilities();
      const ollama = "http://127.0.0.1:11434";
      const { scope, bodies } = server(ollama, "/v1/chat/completions", [
        { status: 200, body: completion("Once upon a time there was a diff. It looked fine.") },
        { status: 200, body: completion(VALID) },
      ]);
      const s = settings({ baseURL: `${ollama}/v1`, model: "llama3.1" });
      const result = await review(s, capabilities);
      expect(scope.isDone()).toBe(true);
      expect(result).toMatchObject({ status: "ok", facts: { outputMode: "json_object" } });
      expect(bodies[0]?.response_format).toMatchObject({ type: "json_schema" });
      expect(bodies[1]?.response_format).toEqual({ type: "json_object" });
      expect(bodies[1]?.messages[0]?.content).toContain("It must match this JSON Schema");
    });
  });

  describe("vLLM", () => {
    const VLLM = "http://10.0.0.5:8000";

    it("keeps the message of its top-level error shape", async () => {
      server(VLLM, "/v1/chat/completions", [{ status: 404, body: fixture("vllm/error-model-not-found") }]);
      const result = await review(settings({ baseURL: `${VLLM}/v1`, model: "llama3" }));
      expect(result.status === "unavailable" && result.reason).toContain(
        "answered 404 at 10.0.0.5:8000: `The model llama3 does not exist.`. Check OPENAI_MODEL (now `llama3`)",
      );
    });

    it("older versions without json_schema: JSON mode, then plain text when that is refused too", async () => {
      const { scope, bodies } = server(VLLM, "/v1/chat/completions", [
        { status: 400, body: fixture("vllm/error-json-schema-unsupported") },
        { status: 400, body: { object: "error", message: "json_object is not supported", code: 400 } },
        { status: 200, body: completion(`Here is my review:\n\`\`\`json\n${VALID}\n\`\`\``) },
      ]);
      const result = await review(settings({ baseURL: `${VLLM}/v1`, model: "llama3" }));
      expect(scope.isDone()).toBe(true);
      expect(result).toMatchObject({ status: "ok", facts: { outputMode: "text" } });
      expect(result.findings).toHaveLength(1);
      expect(bodies[2]).not.toHaveProperty("response_format");
      expect(bodies[2]?.messages[0]?.content).toContain("It must match this JSON Schema");
    });
  });

  describe("no server, or a hung one (real sockets)", () => {
    let fake: FakeHttpServer | undefined;
    afterEach(async () => {
      await fake?.stop();
      fake = undefined;
    });

    it("connection refused: nothing answered, and where", async () => {
      nock.enableNetConnect("127.0.0.1");
      const port = await closedPort();
      const result = await review(settings({ baseURL: `http://127.0.0.1:${port}/v1` }));
      expect(result.status === "unavailable" && result.reason).toBe(
        `nothing answered at 127.0.0.1:${port} (ECONNREFUSED): check OPENAI_BASE_URL and that the server is running`,
      );
    });

    it("a hung server stops at the triage's deadline, naming the setting and the elapsed time", async () => {
      nock.enableNetConnect("127.0.0.1");
      fake = new FakeHttpServer().route(() => ({ status: 200, body: completion(VALID), delayMs: 10_000 }));
      const host = await fake.start();
      const result = await review(
        settings({ baseURL: `http://${host}/v1`, timeoutMs: 60_000, maxRetries: 2, deadlineMs: 300 }),
        new EndpointCapabilities(),
        { ...REQUEST, chunks: [REQUEST.chunks[0] ?? "", "## File: b\n1 +b"] },
      );
      expect(result.status === "unavailable" && result.reason).toMatch(
        /^the AI review hit its 0\.3 s deadline \(OPENAI_DEADLINE_MS\) after \d+\.\d s, with 0 of 2 part\(s\) answered; raise OPENAI_DEADLINE_MS or lower `llm\.maxChunks`$/,
      );
      // Not re-sent after the deadline, whatever the retry setting.
      expect(fake.requests).toHaveLength(2);
    });
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("expected a TCP address");
  return address.port;
}
