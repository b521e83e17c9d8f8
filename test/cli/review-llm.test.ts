import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LLM_UNAVAILABLE_EXIT_CODE } from "../../src/cli/llm-report.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { type FakeAnswer, FakeHttpServer } from "../helpers/fake-http-server.ts";
import { completion } from "../helpers/fake-llm.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "./temp-git-repo.ts";

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/llm/${name}.json`, import.meta.url), "utf8"));
}

const FINDING = JSON.stringify({
  findings: [
    {
      path: "src/cli.ts",
      line: 2,
      start_line: null,
      side: "RIGHT",
      severity: "high",
      category: "security",
      title: "eval of a CLI argument",
      body: "Runs whatever the caller passes.",
      confidence: 0.9,
      policy: null,
    },
  ],
});

/** The AI review of `pr-triage review --json` against a real local HTTP server, as a user sees it. */
describe("pr-triage review: the AI review's outcome, in the summary, the JSON and the exit code", () => {
  let repo: TempGitRepo;
  let llm: FakeHttpServer;
  let host: string;
  beforeEach(async () => {
    repo = createTempGitRepo();
    repo.write("src/cli.ts", "export const x = 1;\n");
    repo.commitAll("Initial");
    repo.git("checkout", "--quiet", "-b", "feature/eval");
    repo.write("src/cli.ts", "export const x = 1;\neval(process.argv[2]);\n");
    repo.commitAll("Run the argument");
    llm = new FakeHttpServer();
    host = await llm.start();
  });
  afterEach(async () => {
    await llm.stop();
    repo.remove();
  });

  async function review(answer: (n: number) => FakeAnswer, env: Record<string, string> = {}) {
    llm.route(() => answer(llm.requests.length));
    const run = captureIo(repo.dir, {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: `http://${host}/v1`,
      OPENAI_MODEL: "stories260k",
      OPENAI_MAX_RETRIES: "0",
      DATA_DIR: join(repo.dir, ".git", "pr-triage-data"),
      ...env,
    });
    const code = await runCli(["review", "--base", "main", "--json"], run.io);
    return { code, report: JSON.parse(run.stdout()), stderr: run.stderr() };
  }

  it("ok: model, usage, mode, duration and cost; a re-run on the unchanged branch is answered from the cache", async () => {
    const first = await review(() => ({
      status: 200,
      body: { ...completion(FINDING), model: "stories260k" },
    }));
    expect(first.code, first.stderr).toBe(0);
    expect(first.report.llm).toMatchObject({
      status: "ok",
      reason: null,
      model: "stories260k",
      usage: { requests: 1, inputTokens: 1200, outputTokens: 80 },
      costUsd: null,
      mode: "json_schema",
      cachedAnswers: 0,
    });
    expect(first.report.llm.durationMs).toEqual(expect.any(Number));
    expect(first.report.summary).toMatch(
      /AI review by `stories260k`: 1 request\(s\).*cost unknown\. Output: strict JSON schema; \d+\.\d s\./,
    );
    expect(first.stderr).toContain("at most 300 s (OPENAI_DEADLINE_MS)");

    const again = await review(() => ({ status: 500, body: { error: { message: "must not be asked" } } }));
    expect(again.code, again.stderr).toBe(0);
    expect(llm.requests).toHaveLength(1);
    expect(again.report.llm).toMatchObject({
      status: "ok",
      mode: "cache",
      cachedAnswers: 1,
      usage: { requests: 0 },
    });
    expect(again.report.summary).toContain(
      "Output: answers from the cache; all 1 part(s), nothing paid again;",
    );
    expect(again.report.findings.map((f: { title: string }) => f.title)).toContain("eval of a CLI argument");
  });

  it("masks the secrets the analyzers found before anything is sent, as the app does", async () => {
    const token = "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";
    repo.write("src/config.ts", `export const githubToken = "${token}";\n`);
    repo.commitAll("Add a token");
    const { code } = await review(() => ({ status: 200, body: completion(FINDING) }));
    expect(code).toBe(0);
    const sent = JSON.stringify(llm.requests[0]?.body);
    expect(sent).toContain("[REDACTED SECRET]");
    expect(sent).not.toContain(token);
  });

  it("a server that rejects the strict schema: the summary names the mode that was used instead", async () => {
    const { code, report } = await review((n) =>
      n === 1
        ? { status: 400, body: fixture("llama-server/error-schema-conversion") }
        : { status: 200, body: completion(FINDING) },
    );
    expect(code).toBe(0);
    expect(report.llm.mode).toBe("json_object");
    expect(report.summary).toContain(
      "Output: JSON mode, schema in the prompt (the endpoint rejected a strict schema)",
    );
  });

  const failures: {
    name: string;
    answer: (n: number) => FakeAnswer;
    env?: Record<string, string>;
    says: RegExp;
  }[] = [
    {
      name: "context overflow",
      answer: () => ({ status: 400, body: fixture("llama-server/error-context-overflow") }),
      says: /the LLM endpoint answered 400 at 127\.0\.0\.1:\d+: `request \(4043 tokens\) exceeds the available context size \(2048 tokens\), try increasing it`\. The prompt is larger than the server's context: lower `llm\.maxInputTokens`/,
    },
    {
      name: "unknown model",
      answer: () => ({ status: 404, body: fixture("ollama/error-model-not-found") }),
      says: /answered 404 at 127\.0\.0\.1:\d+: `model "llama3\.1" not found, try pulling it first`\. Check OPENAI_MODEL \(now `stories260k`\)/,
    },
    {
      name: "a timeout",
      answer: () => ({ status: 200, body: completion(FINDING), delayMs: 5_000 }),
      env: { OPENAI_TIMEOUT_MS: "200" },
      says: /the LLM request timed out: nothing answered at 127\.0\.0\.1:\d+ within 200 ms \(OPENAI_TIMEOUT_MS\)/,
    },
    {
      name: "the deadline",
      answer: () => ({ status: 200, body: completion(FINDING), delayMs: 5_000 }),
      env: { OPENAI_DEADLINE_MS: "300" },
      says: /the AI review hit its 0\.3 s deadline \(OPENAI_DEADLINE_MS\) after \d+\.\d s, with 0 of 1 part\(s\) answered/,
    },
    {
      name: "output cut at the budget",
      answer: () => ({ status: 200, body: fixture("llama-server/completion-truncated") }),
      says: /invalid model output after one repair attempt: output was truncated at the 4000-token output budget \(llm\.maxOutputTokens\)/,
    },
    {
      name: "a proxy's HTML error page",
      answer: () => ({
        status: 502,
        body: `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(2_000)}</body></html>`,
      }),
      says: /answered 502 at 127\.0\.0\.1:\d+: `502 Bad Gateway x+…`\. The server failed; its logs say why/,
    },
  ];

  it.each(failures)(
    "$name: exit code 3, and the same words in the summary and the JSON",
    async ({ answer, env, says }) => {
      const { code, report } = await review(answer, env);
      expect(code).toBe(LLM_UNAVAILABLE_EXIT_CODE);
      expect(report.llm).toMatchObject({ status: "unavailable", model: "stories260k" });
      expect(report.llm.reason).toMatch(says);
      expect(report.risk.needsHuman).toBe(true);
      expect(report.summary).toContain("AI review unavailable: needs human review.");
      expect(report.summary).toContain(report.llm.reason);
      expect(report.llm.reason.length).toBeLessThan(700);
    },
  );

  it("nothing listening: says nothing answered, and where", async () => {
    const port = await closedPort();
    const run = captureIo(repo.dir, {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      LLM_CACHE_MAX_ENTRIES: "0",
    });
    expect(await runCli(["review", "--base", "main"], run.io)).toBe(LLM_UNAVAILABLE_EXIT_CODE);
    const text = run.stdout();
    expect(text).toContain(
      `AI:       unavailable · unknown model (OPENAI_MODEL unset) · nothing answered at 127.0.0.1:${port} (ECONNREFUSED): check OPENAI_BASE_URL and that the server is running`,
    );
    expect(text).toContain(`failed: nothing answered at 127.0.0.1:${port} (ECONNREFUSED)`);
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
