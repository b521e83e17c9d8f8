import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeHttpServer } from "../helpers/fake-http-server.ts";
import { llmFinding } from "../helpers/fault-harness.ts";
import { freePort, sendWebhook, startServerProcess, waitFor } from "../helpers/server-process.ts";
import { TEST_PRIVATE_KEY } from "../helpers/test-key.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const SECRET = "e2e-webhook-secret";
const REPO = "/repos/Codertocat/Hello-World";
const PATCH = "@@ -1,2 +1,3 @@\n const a = 1;\n+eval(process.argv[2]);\n const b = 2;";

describe("the real server process, signed webhooks, local fakes", () => {
  const github = new FakeHttpServer();
  const llm = new FakeHttpServer();
  let server: { child: ChildProcess; output: () => string };
  let webhookUrl: string;
  // A fresh job store per run: a leftover one would replay old jobs.
  const dataDir = mkdtempSync(join(tmpdir(), "pr-triage-e2e-"));
  const payload = examplePayload<{ pull_request: Record<string, unknown> & { labels: unknown[] } }>(
    "pull_request",
    "opened",
  );
  payload.pull_request.labels = [];

  beforeAll(async () => {
    github
      .route((r) =>
        r.method === "GET" && r.path === "/app"
          ? { status: 200, body: { id: 1, slug: "pr-triage" } }
          : undefined,
      )
      .route((r) =>
        r.method === "POST" && r.path === "/app/installations/1/access_tokens"
          ? { status: 201, body: { token: "ghs_e2e", expires_at: "2099-01-01T00:00:00Z" } }
          : undefined,
      )
      .route((r) =>
        r.method === "GET" && r.path === `${REPO}/pulls/2`
          ? { status: 200, body: payload.pull_request }
          : undefined,
      )
      .route((r) =>
        r.method === "GET" && r.path.startsWith(`${REPO}/pulls/2/files`)
          ? {
              status: 200,
              body: [
                { filename: "src/run.js", status: "modified", additions: 1, deletions: 0, patch: PATCH },
              ],
            }
          : undefined,
      )
      .route((r) =>
        r.method === "GET" && r.path.startsWith(`${REPO}/pulls/2/comments`)
          ? { status: 200, body: [] }
          : undefined,
      )
      .route((r) =>
        r.method === "POST" && r.path === `${REPO}/check-runs` ? { status: 201, body: { id: 7 } } : undefined,
      )
      .route((r) =>
        r.method === "PATCH" && r.path === `${REPO}/check-runs/7`
          ? { status: 200, body: { id: 7 } }
          : undefined,
      )
      .route((r) =>
        r.method === "GET" && r.path.startsWith(`${REPO}/pulls/2/reviews`)
          ? { status: 200, body: [] }
          : undefined,
      )
      .route((r) =>
        r.method === "POST" && r.path === `${REPO}/pulls/2/reviews`
          ? { status: 200, body: { id: 9 } }
          : undefined,
      )
      .route((r) =>
        r.method === "GET" && r.path.startsWith(`${REPO}/issues/2/comments`)
          ? { status: 200, body: [] }
          : undefined,
      )
      .route((r) =>
        r.method === "POST" && r.path === `${REPO}/issues/2/comments`
          ? { status: 201, body: { id: 11 } }
          : undefined,
      )
      .route((r) =>
        r.method === "POST" && r.path === `${REPO}/labels` ? { status: 201, body: {} } : undefined,
      )
      .route((r) =>
        r.method === "POST" && r.path === `${REPO}/issues/2/labels` ? { status: 200, body: [] } : undefined,
      );
    llm.route((r) => (r.method === "POST" && r.path === "/v1/chat/completions" ? llmFinding() : undefined));
    const githubHost = await github.start();
    const llmHost = await llm.start();
    const port = await freePort();
    webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
    server = await startServerProcess({
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      GHE_HOST: githubHost,
      GHE_PROTOCOL: "http",
      OPENAI_API_KEY: "sk-e2e",
      OPENAI_BASE_URL: `http://${llmHost}/v1`,
      OPENAI_MODEL: "e2e-model",
      DATA_DIR: dataDir,
      // The fake GitHub keeps no delivery log; test/triage/recovery/recover-missed-deliveries.test.ts covers recovery.
      RECOVERY_INTERVAL_MS: "0",
    });
  });

  afterAll(async () => {
    server?.child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    await github.stop();
    await llm.stop();
  });

  it("rejects a bad signature with a 4xx and writes nothing", async () => {
    const response = await sendWebhook(
      webhookUrl,
      SECRET,
      "pull_request",
      "bad-1",
      payload,
      "sha256=deadbeef",
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const unsigned = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": "bad-2",
      },
      body: JSON.stringify(payload),
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(github.requests).toEqual([]);
  });

  it("acks a signed delivery at once, then publishes review, check, summary and label", async () => {
    const started = performance.now();
    const response = await sendWebhook(webhookUrl, SECRET, "pull_request", "good-1", payload);
    const ackMs = performance.now() - started;
    expect(response.status).toBe(200);
    // The ack must not wait for the triage (which needs several GitHub and LLM round trips).
    expect(github.writes().some((r) => r.path.endsWith("/reviews"))).toBe(false);
    expect(ackMs).toBeLessThan(5_000);

    await waitFor(
      () => github.requests.some((r) => r.method === "PATCH" && r.path === `${REPO}/check-runs/7`),
      `the completed check run; server output:\n${server.output()}`,
    );
    const writes = github.writes();
    const reviews = writes.filter((r) => r.path === `${REPO}/pulls/2/reviews`);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.body).toMatchObject({
      event: "COMMENT",
      comments: [expect.objectContaining({ path: "src/run.js", line: 2, side: "RIGHT" })],
    });
    const summaries = writes.filter((r) => r.path === `${REPO}/issues/2/comments`);
    expect(summaries).toHaveLength(1);
    expect(JSON.stringify(summaries[0]?.body)).toContain("<!-- pr-triage:summary -->");
    expect(writes.filter((r) => r.path === `${REPO}/issues/2/labels`).map((r) => r.body)).toEqual([
      { labels: [expect.stringMatching(/^risk: (low|medium|high|critical)$/)] },
    ]);
    const check = writes.find((r) => r.method === "PATCH")?.body as {
      status: string;
      output: { title: string };
    };
    expect(check.status).toBe("completed");
    expect(check.output.title).toMatch(/^Risk \d+\/100 \((low|medium|high|critical)\)/);
    expect(llm.requests).toHaveLength(1);
    expect(JSON.stringify(llm.requests[0]?.body)).toContain("2 +eval(process.argv[2]);");
  });
});
