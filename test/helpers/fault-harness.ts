import type { ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { findSecretValues } from "../../src/analyzers/secrets/find-secret-values.ts";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import { type PostedComment, whyUnprocessable } from "./commentable-lines.ts";
import { type FakeAnswer, FakeHttpServer, type RecordedRequest } from "./fake-http-server.ts";
import { completion } from "./fake-llm.ts";
import { freePort, sendWebhook, startServerProcess, waitFor } from "./server-process.ts";
import { TEST_PRIVATE_KEY } from "./test-key.ts";
import { examplePayload } from "./webhook-examples.ts";

/**
 * The world the fault-injection suite (and the ack bench) runs the real server against: a
 * stateful fake GitHub (PRs whose head can move, reviews, comments, check runs), a fake LLM, and
 * helpers to start, kill and restart `npm start`'s entry point on one DATA_DIR.
 */

export const WEBHOOK_SECRET = "fault-webhook-secret-6f1d2c";
/** Shaped like real credentials, so a leak into the logs would be caught by the secret scan. */
export const INSTALLATION_TOKEN = "ghs_F4ultInj3ct10nT0k3nAbCdEfGhIjKlMnOpQ";
export const LLM_API_KEY = "sk-proj-F4ultInj3ct10nK3yAbCdEfGhIjKlMnOpQrSt";
export const REPO_PATH = "/repos/Codertocat/Hello-World";
/** The fake app's bot account: everything the app posts is authored by it, as on GitHub. */
const APP_LOGIN = "pr-triage[bot]";
const FILE = "src/run.js";
const PATCH = "@@ -1,2 +1,3 @@\n const a = 1;\n+eval(process.argv[2]);\n const b = 2;";

type Pull = Record<string, unknown> & { number: number; head: { sha: string }; updated_at: string };

export interface FakeReview {
  id: number;
  pull: number;
  commitId: string;
  body: string;
}

export interface FakeCheckRun {
  id: number;
  headSha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string };
}

/** A fake GitHub with just enough state to tell "one review" from "two". */
export class FakeGitHub {
  readonly http = new FakeHttpServer();
  readonly pulls = new Map<number, Pull>();
  readonly reviews: FakeReview[] = [];
  readonly reviewComments: { id: number; pull: number; body: string; path: string; line: number }[] = [];
  readonly comments: { id: number; pull: number; body: string }[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly #faults: ((req: RecordedRequest) => FakeAnswer | undefined)[] = [];
  #nextId = 1_000;

  constructor() {
    this.http.route((req) => {
      for (const fault of this.#faults) {
        const answer = fault(req);
        if (answer) return answer;
      }
      return this.answer(req);
    });
  }

  /** Consulted before the normal routes; answer undefined to let the request through. */
  fault(route: (req: RecordedRequest) => FakeAnswer | undefined): this {
    this.#faults.push(route);
    return this;
  }

  /** Creates or moves a PR: its live head is what GitHub answers to `pulls.get`. */
  setPull(number: number, headSha: string, updatedAt = "2019-05-15T15:20:33Z"): Pull {
    const pull = examplePayload<{ pull_request: Pull }>("pull_request", "opened").pull_request;
    Object.assign(pull, { number, updated_at: updatedAt, labels: [], draft: false, state: "open" });
    pull.head.sha = headSha;
    this.pulls.set(number, pull);
    return pull;
  }

  /** A `pull_request` webhook payload for the PR as it is now (or with the given head). */
  payload(
    number: number,
    action: string,
    head?: { sha: string; updatedAt: string },
  ): Record<string, unknown> {
    const payload = examplePayload<Record<string, unknown>>("pull_request", "opened");
    const pull = structuredClone(this.pulls.get(number));
    if (!pull) throw new Error(`FakeGitHub has no PR #${number}; call setPull(${number}, sha) first`);
    if (head) Object.assign(pull, { head: { ...pull.head, sha: head.sha }, updated_at: head.updatedAt });
    return { ...payload, action, number, pull_request: pull };
  }

  reviewsOn(pull: number): FakeReview[] {
    return this.reviews.filter((review) => review.pull === pull);
  }

  checkRunsFor(headSha: string): FakeCheckRun[] {
    return this.checkRuns.filter((run) => run.headSha === headSha);
  }

  #id(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  /** The normal answer, state changes included; a fault can apply a request and still fail it. */
  answer(req: RecordedRequest): FakeAnswer | undefined {
    const { method, path } = req;
    const url = path.replace(/\?.*$/, "");
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (method === "GET" && url === "/app") return { status: 200, body: { id: 1, slug: "pr-triage" } };
    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(url)) {
      return { status: 201, body: { token: INSTALLATION_TOKEN, expires_at: "2099-01-01T00:00:00Z" } };
    }
    if (!url.startsWith(REPO_PATH)) return undefined;
    const rest = url.slice(REPO_PATH.length);
    const pullMatch = /^\/(?:pulls|issues)\/(\d+)/.exec(rest);
    const number = pullMatch ? Number(pullMatch[1]) : undefined;
    const pull = number === undefined ? undefined : this.pulls.get(number);

    if (method === "GET" && pull && rest === `/pulls/${number}`) return { status: 200, body: pull };
    if (method === "GET" && pull && rest === `/pulls/${number}/files`) {
      return {
        status: 200,
        body: [{ filename: FILE, status: "modified", additions: 1, deletions: 0, changes: 1, patch: PATCH }],
      };
    }
    if (method === "GET" && pull && rest === `/pulls/${number}/reviews`) {
      return {
        status: 200,
        body: this.reviewsOn(pull.number).map((r) => ({
          id: r.id,
          body: r.body,
          commit_id: r.commitId,
          user: { login: APP_LOGIN, type: "Bot" },
        })),
      };
    }
    if (method === "POST" && pull && rest === `/pulls/${number}/reviews`) {
      // As GitHub does: one comment off the diff and the whole review is refused.
      const offDiff = ((body.comments ?? []) as PostedComment[])
        .map((comment) => whyUnprocessable(comment, new Map([[FILE, PATCH]])))
        .find((reason) => reason !== null);
      if (offDiff) return { status: 422, body: { message: "Unprocessable Entity", errors: [offDiff] } };
      const review = {
        id: this.#id(),
        pull: pull.number,
        commitId: String(body.commit_id),
        body: String(body.body),
      };
      this.reviews.push(review);
      for (const comment of (body.comments ?? []) as { body: string; path: string; line: number }[]) {
        this.reviewComments.push({ id: this.#id(), pull: pull.number, ...comment });
      }
      return { status: 200, body: { id: review.id } };
    }
    if (method === "GET" && pull && rest === `/pulls/${number}/comments`) {
      return {
        status: 200,
        body: this.reviewComments
          .filter((c) => c.pull === pull.number)
          .map((c) => ({ ...c, user: { login: APP_LOGIN, type: "Bot" } })),
      };
    }
    if (method === "GET" && pull && rest === `/issues/${number}/comments`) {
      return {
        status: 200,
        body: this.comments
          .filter((c) => c.pull === pull.number)
          .map((c) => ({
            id: c.id,
            body: c.body,
            user: { login: APP_LOGIN, type: "Bot" },
            performed_via_github_app: { id: 1 },
          })),
      };
    }
    if (method === "POST" && pull && rest === `/issues/${number}/comments`) {
      const comment = { id: this.#id(), pull: pull.number, body: String(body.body) };
      this.comments.push(comment);
      return { status: 201, body: { id: comment.id } };
    }
    const editedComment = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (method === "PATCH" && editedComment) {
      const comment = this.comments.find((c) => c.id === Number(editedComment[1]));
      if (!comment) return { status: 404, body: { message: "Not Found" } };
      comment.body = String(body.body);
      return { status: 200, body: { id: comment.id } };
    }
    if (method === "POST" && rest === "/check-runs") {
      const run = { id: this.#id(), headSha: String(body.head_sha), status: String(body.status ?? "queued") };
      this.checkRuns.push(run);
      return { status: 201, body: { id: run.id } };
    }
    const checkRun = /^\/check-runs\/(\d+)$/.exec(rest);
    if (method === "PATCH" && checkRun) {
      const run = this.checkRuns.find((r) => r.id === Number(checkRun[1]));
      if (!run) return { status: 404, body: { message: "Not Found" } };
      Object.assign(run, {
        ...(body.status ? { status: String(body.status) } : {}),
        ...(body.conclusion ? { conclusion: String(body.conclusion) } : {}),
        ...(body.output ? { output: body.output } : {}),
      });
      return { status: 200, body: { id: run.id } };
    }
    if (method === "POST" && rest === "/labels") return { status: 201, body: {} };
    if (method === "POST" && pull && rest === `/issues/${number}/labels`) return { status: 200, body: [] };
    if (method === "DELETE" && pull && rest.startsWith(`/issues/${number}/labels/`)) {
      return { status: 200, body: [] };
    }
    if (method === "POST" && pull && rest === `/pulls/${number}/requested_reviewers`) {
      return { status: 201, body: {} };
    }
    return undefined;
  }
}

/** An LLM that finds one anchored problem, so every triage posts a review with one inline comment. */
export function llmFinding(): FakeAnswer {
  return {
    status: 200,
    body: completion(
      JSON.stringify({
        findings: [
          {
            path: FILE,
            line: 2,
            start_line: null,
            side: "RIGHT",
            severity: "critical",
            category: "security",
            title: "Arbitrary code execution via eval",
            body: "`eval` runs a command-line argument as code.",
            confidence: 0.9,
            policy: null,
          },
        ],
      }),
    ),
  };
}

export interface RunningApp {
  child: ChildProcess;
  output: () => string;
  webhookUrl: string;
  baseUrl: string;
}

/**
 * One app deployment: a DATA_DIR that outlives restarts, fakes for GitHub and the LLM, and the
 * environment `npm start` gets. Retries are fast here so faults resolve in test time.
 */
export class FaultWorld {
  readonly github = new FakeGitHub();
  readonly llm = new FakeHttpServer();
  readonly dataDir = mkdtempSync(join(tmpdir(), "pr-triage-fault-"));
  /** Output of every process started so far, for the log scan. */
  readonly logs: string[] = [];
  #githubHost = "";
  #llmHost = "";
  #llmAnswer: (req: RecordedRequest) => FakeAnswer = () => llmFinding();
  #running: RunningApp | undefined;

  async start(): Promise<void> {
    this.llm.route((req) =>
      req.method === "POST" && req.path === "/v1/chat/completions" ? this.#llmAnswer(req) : undefined,
    );
    this.#githubHost = await this.github.http.start();
    this.#llmHost = await this.llm.start();
  }

  /** How the LLM answers from now on. */
  answerLlm(answer: (req: RecordedRequest) => FakeAnswer): void {
    this.#llmAnswer = answer;
  }

  /** The environment `npm start` gets in this world, listening on `port`. */
  appEnv(port: number, env: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      GHE_HOST: this.#githubHost,
      GHE_PROTOCOL: "http",
      OPENAI_API_KEY: LLM_API_KEY,
      OPENAI_BASE_URL: `http://${this.#llmHost}/v1`,
      OPENAI_MODEL: "fault-model",
      OPENAI_TIMEOUT_MS: "2000",
      OPENAI_MAX_RETRIES: "0",
      DATA_DIR: this.dataDir,
      QUEUE_CONCURRENCY: "2",
      QUEUE_MAX_ATTEMPTS: "4",
      QUEUE_RETRY_BASE_MS: "100",
      QUEUE_RETRY_MAX_MS: "400",
      SHUTDOWN_TIMEOUT_MS: "5000",
      // The fake GitHub keeps no delivery log; test/triage/recovery/recover-missed-deliveries.test.ts covers recovery.
      RECOVERY_INTERVAL_MS: "0",
      ...env,
    };
  }

  async startApp(env: Record<string, string> = {}): Promise<RunningApp> {
    const port = await freePort();
    const server = await startServerProcess(this.appEnv(port, env));
    const baseUrl = `http://127.0.0.1:${port}`;
    this.#running = { ...server, baseUrl, webhookUrl: `${baseUrl}/api/github/webhooks` };
    return this.#running;
  }

  get app(): RunningApp {
    if (!this.#running) throw new Error("No app is running: call startApp() first");
    return this.#running;
  }

  /** Sends a signed delivery to the running app. */
  send(event: string, deliveryId: string, payload: unknown): Promise<Response> {
    return sendWebhook(this.app.webhookUrl, WEBHOOK_SECRET, event, deliveryId, payload);
  }

  async healthz(): Promise<{ status: string; queue: Record<string, number> }> {
    const response = await fetch(`${this.app.baseUrl}/healthz`);
    return (await response.json()) as { status: string; queue: Record<string, number> };
  }

  /** Waits until nothing is queued or running (jobs in a retry delay count as queued). */
  async drained(timeoutMs = 20_000): Promise<void> {
    let depth = -1;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      depth = (await this.healthz()).queue.depth ?? -1;
      if (depth === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`queue still holds ${depth} jobs after ${timeoutMs} ms; server output:\n${this.tail()}`);
  }

  /** kill -9: no shutdown code runs. */
  async kill(): Promise<void> {
    const { child } = this.app;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.#retire();
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  async terminate(timeoutMs = 20_000): Promise<number | null> {
    const { child } = this.app;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, "the app to exit", timeoutMs);
    const code = await exited;
    this.#retire();
    return code;
  }

  /** Peak resident memory of the running app (Linux's VmHWM); null where /proc is missing. */
  peakRssMb(): number | null {
    return this.#procStatusMb("VmHWM");
  }

  /** Resident memory of the running app now (VmRSS). */
  rssMb(): number | null {
    return this.#procStatusMb("VmRSS");
  }

  #procStatusMb(field: string): number | null {
    try {
      const status = readFileSync(`/proc/${this.app.child.pid}/status`, "utf8");
      const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
      return kb ? Number(kb) / 1024 : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    if (this.#running && this.#running.child.exitCode === null) await this.kill();
    await this.github.http.stop();
    await this.llm.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  #retire(): void {
    if (this.#running) this.logs.push(this.#running.output());
    this.#running = undefined;
  }

  /** The last lines the app printed, without the noise of health checks: for failure messages. */
  tail(lines = 60): string {
    return this.allOutput()
      .split("\n")
      .filter((line) => !line.includes("/healthz"))
      .slice(-lines)
      .join("\n");
  }

  /** Everything every app process printed, including the one still running. */
  allOutput(): string {
    return [...this.logs, this.#running?.output() ?? ""].join("\n");
  }
}

export { percentile } from "../../src/analytics/percentile.ts";

/**
 * Secrets found in captured logs: by the app's own secret analyzer (secretlint's recommended
 * preset and our rules), plus an exact search for every credential this harness hands out.
 */
export async function secretsInLogs(output: string): Promise<string[]> {
  const lines = output.split("\n");
  const asAddedFile = parseFilePatch({
    filename: "server.log",
    status: "added",
    additions: lines.length,
    deletions: 0,
    patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`,
  });
  const known = [INSTALLATION_TOKEN, LLM_API_KEY, WEBHOOK_SECRET, TEST_PRIVATE_KEY.split("\n")[1] ?? "-----"];
  return [...(await findSecretValues([asAddedFile])), ...known.filter((value) => output.includes(value))];
}

export interface BurstPlan {
  deliveries: number;
  prs: number;
  /**
   * PRs are spread over this many installations. Writes are paced per installation (80/min), so
   * one installation's share of a burst must fit in a minute for the burst to finish in test time.
   */
  installations: number;
  /**
   * How deliveries go out. `{ everyMs }`: one every `everyMs` whatever happens to the others (open
   * loop, how a burst from GitHub looks). `{ concurrency }`: that many senders, each sending its
   * next as soon as its last is acked (closed loop: the server's maximum rate).
   */
  pace: { everyMs: number } | { concurrency: number };
}

export interface BurstResult {
  /** Ack latency of each delivery in ms, sorted ascending. */
  ackMs: number[];
  statuses: number[];
  /** The live head of each PR the burst was about: the only head that may be reviewed. */
  liveHeads: Map<number, string>;
}

/**
 * Sends a burst of signed `synchronize` deliveries spread over several PRs. Each PR gets as many
 * for an older head as for its live one, interleaved, so the app sees duplicates, superseded
 * work and out-of-order stragglers at once. Bodies are signed up front: only the ack is timed.
 */
export async function sendBurst(world: FaultWorld, plan: BurstPlan): Promise<BurstResult> {
  const liveHeads = new Map<number, string>();
  const requests: { id: string; body: string }[] = [];
  const perPr = Math.ceil(plan.deliveries / plan.prs);
  for (let i = 0; i < plan.prs; i++) {
    const number = 100 + i;
    const live = `${String(number).padStart(4, "0")}`.padEnd(40, "b");
    liveHeads.set(number, live);
    world.github.setPull(number, live, "2024-03-01T10:05:00Z");
    const older = {
      sha: `${String(number).padStart(4, "0")}`.padEnd(40, "a"),
      updatedAt: "2024-03-01T10:00:00Z",
    };
    for (let k = 0; k < perPr && requests.length < plan.deliveries; k++) {
      const payload = world.github.payload(number, "synchronize", k % 2 === 0 ? older : undefined);
      payload.installation = { id: 1 + (i % plan.installations) };
      requests.push({ id: `burst-${number}-${k}`, body: JSON.stringify(payload) });
    }
  }
  // Round-robin over PRs, so each PR's deliveries are spread across the whole burst.
  requests.sort((a, b) => Number(a.id.split("-")[2]) - Number(b.id.split("-")[2]));
  const signed = requests.map(({ id, body }) => ({
    id,
    body: Buffer.from(body),
    signature: `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
  }));
  const ackMs: number[] = [];
  const statuses: number[] = [];
  // node:http with keep-alive: fetch costs the sender ~3x the CPU, and on a small machine the
  // sender's CPU would be measured as the server's latency.
  const agent = new Agent({ keepAlive: true });
  const url = new URL(world.app.webhookUrl);
  const deliver = async (item: (typeof signed)[number]): Promise<void> => {
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": item.body.length,
            "x-github-event": "pull_request",
            "x-github-delivery": item.id,
            "x-hub-signature-256": item.signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(item.body);
    });
    ackMs.push(performance.now() - started);
    statuses.push(status);
  };
  if ("everyMs" in plan.pace) {
    const { everyMs } = plan.pace;
    const start = performance.now();
    await Promise.all(
      signed.map(async (item, i) => {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, start + i * everyMs - performance.now())),
        );
        await deliver(item);
      }),
    );
  } else {
    let next = 0;
    const sender = async (): Promise<void> => {
      for (let item = signed[next++]; item; item = signed[next++]) await deliver(item);
    };
    await Promise.all(Array.from({ length: Math.min(plan.pace.concurrency, signed.length) }, sender));
  }
  agent.destroy();
  return { ackMs: ackMs.sort((a, b) => a - b), statuses, liveHeads };
}

/**
 * Gives each test a fresh FaultWorld (with PR #2 at `head`, when given) and, after it, checks
 * that no token or secret reached the server's logs, which include every GitHub request.
 */
export function useFaultWorld(onStarted: (world: FaultWorld) => void, head?: string): void {
  let world: FaultWorld | undefined;
  beforeEach(async () => {
    world = new FaultWorld();
    await world.start();
    if (head !== undefined) world.github.setPull(2, head);
    onStarted(world);
  });
  afterEach(async () => {
    if (!world) return;
    const leaked = await secretsInLogs(world.allOutput());
    await world.stop();
    expect(leaked).toEqual([]);
  });
}
