import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FaultWorld, llmFinding, secretsInLogs, WEBHOOK_SECRET } from "../helpers/fault-harness.ts";
import { freePort, sendWebhook, startServerProcess, waitFor } from "../helpers/server-process.ts";
import { createTestDatabase, describePg, type TestDatabase } from "../helpers/test-database.ts";

interface Replica {
  name: string;
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
  dataDir: string;
}

/** The JSON log lines (NODE_ENV=production) a replica printed with this message. */
function logLines(replica: Replica, message: string): Record<string, unknown>[] {
  return replica
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === message);
}

const PRS = [100, 101, 102, 103, 104, 105];
const LIVE = (pr: number) => `${pr}`.padEnd(40, "b");
const OLD = (pr: number) => `${pr}`.padEnd(40, "a");
// Recent times: each replica prunes analytics older than the retention window at start, and an
// event dated 2024 recorded in that moment would be pruned away under the test's feet.
const LIVE_AT = new Date(Date.now() - 60_000).toISOString();
const OLD_AT = new Date(Date.now() - 6 * 60_000).toISOString();

describePg("two replicas on one PostgreSQL database (real server processes, kill -9)", () => {
  let database: TestDatabase;
  let world: FaultWorld;
  const replicas: Replica[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    world = new FaultWorld();
    await world.start();
  });
  afterAll(async () => {
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill("SIGKILL");
    for (const replica of replicas) rmSync(replica.dataDir, { recursive: true, force: true });
    await world.stop();
    await database.drop();
  });

  async function startReplica(name: string): Promise<Replica> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `pr-triage-${name}-`));
    const server = await startServerProcess(
      world.appEnv(port, {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        QUEUE_LEASE_MS: "3000",
        OPENAI_TIMEOUT_MS: "20000",
      }),
    );
    const replica = { name, ...server, baseUrl: `http://127.0.0.1:${port}`, dataDir };
    replicas.push(replica);
    return replica;
  }

  it("a burst spread over both, one killed mid-job: the other completes it; one review per head, nothing lost", async () => {
    // Every triage takes a while at the LLM, so the kill lands in the middle of one.
    world.answerLlm(() => ({ ...llmFinding(), delayMs: 1_500 }));
    for (const pr of PRS) world.github.setPull(pr, LIVE(pr), LIVE_AT);
    const [a, b] = await Promise.all([startReplica("a"), startReplica("b")]);
    if (!a || !b) throw new Error("both replicas must start");

    // Per PR: the older head and the live one, twice each, and a GitHub redelivery of one of
    // them; round-robin over PRs and alternating between the replicas, as a load balancer would.
    const deliveries: { id: string; payload: Record<string, unknown> }[] = [];
    for (let k = 0; k < 4; k++) {
      for (const pr of PRS) {
        const head = k % 2 === 0 ? { sha: OLD(pr), updatedAt: OLD_AT } : undefined;
        deliveries.push({ id: `replica-${pr}-${k}`, payload: world.github.payload(pr, "synchronize", head) });
      }
    }
    for (const pr of PRS)
      deliveries.push({ id: `replica-${pr}-3`, payload: world.github.payload(pr, "synchronize") });
    const statuses = await Promise.all(
      deliveries.map(async ({ id, payload }, i) => {
        const target = i % 2 === 0 ? a : b;
        const response = await sendWebhook(
          `${target.baseUrl}/api/github/webhooks`,
          WEBHOOK_SECRET,
          "pull_request",
          id,
          payload,
        );
        return response.status;
      }),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);

    await waitFor(() => logLines(a, "job started").length > 0, "replica a to start a job");
    a.child.kill("SIGKILL");
    await new Promise((resolve) => a.child.once("exit", resolve));
    // The jobs the kill cut short: still running under a's lease, as the database says.
    const jobsOf = async (sql: string, params: unknown[]) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query<{ id: string; state: string }>(sql, params)).rows;
      } finally {
        await client.end();
      }
    };
    const cutShort = (
      await jobsOf("SELECT id FROM jobs WHERE state = 'running' AND lease_owner LIKE $1", [
        `pg-${a.child.pid}-%`,
      ])
    ).map((row) => row.id);
    expect(cutShort.length).toBeGreaterThan(0);

    const allTriaged = () =>
      PRS.every((pr) => world.github.checkRunsFor(LIVE(pr)).some((run) => run.status === "completed"));
    await waitFor(
      allTriaged,
      `every live head's completed check; b's output:\n${b.output().slice(-4_000)}`,
      60_000,
    );
    // b ran them again, or (an older head's) closed them as superseded.
    const deadline = Date.now() + 30_000;
    let ended: { id: string; state: string }[] = [];
    while (Date.now() < deadline) {
      ended = await jobsOf(
        "SELECT id, state FROM jobs WHERE id = ANY($1) AND state IN ('done', 'superseded')",
        [cutShort],
      );
      if (ended.length === cutShort.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ended).toHaveLength(cutShort.length);

    expect(
      logLines(b, "taking over jobs whose lease expired (their process stopped)").length,
    ).toBeGreaterThan(0);
    for (const pr of PRS) {
      const reviews = world.github.reviewsOn(pr);
      expect(reviews.map((review) => review.commitId)).toEqual([LIVE(pr)]);
      const inline = world.github.reviewComments.filter((comment) => comment.pull === pr);
      expect(new Set(inline.map((c) => `${c.path}:${c.line}:${c.body}`)).size).toBe(inline.length);
      expect(inline).toHaveLength(1);
      // The check the killed attempt opened was reused, not stacked.
      expect(world.github.checkRunsFor(LIVE(pr))).toHaveLength(1);
    }
    const health = (await (await fetch(`${b.baseUrl}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: "ok",
      queue: { depth: 0, failed: 0 },
      store: { ok: true, kind: "postgres", ready: true },
      elsewhere: { running: 0 },
    });
    expect(await secretsInLogs(`${a.output()}\n${b.output()}`)).toEqual([]);
    // The analytics live in the same database: each delivery recorded once over both replicas
    // (the redelivery included), a triage of every live head, and no analytics.sqlite.
    const analytics = new pg.Client({ connectionString: database.url });
    await analytics.connect();
    try {
      // Every acked delivery is recorded, once (ids are delivery ids): the flow handler writes
      // before the ack, so even the killed replica's acked deliveries are there.
      const recorded = await analytics.query<{ id: string }>("SELECT id FROM analytics_events");
      const ids = recorded.rows.map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(deliveries.map((d) => d.id)));
      // Recorded once the triage is published: moments after the check completes.
      const triagedHeads = async () =>
        new Set(
          (
            await analytics.query<{ head_sha: string }>("SELECT DISTINCT head_sha FROM analytics_triages")
          ).rows.map((row) => row.head_sha),
        );
      const until = Date.now() + 10_000;
      while ((await triagedHeads()).size < PRS.length && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await triagedHeads()).toEqual(new Set(PRS.map(LIVE)));
    } finally {
      await analytics.end();
    }
    for (const replica of [a, b]) expect(existsSync(join(replica.dataDir, "analytics.sqlite"))).toBe(false);
  }, 120_000);

  it("rolling deploy: SIGTERM hands a job that outlives the deadline back, and the other replica completes it", async () => {
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill("SIGKILL");
    const pr = 200;
    world.github.setPull(pr, LIVE(pr), LIVE_AT);
    const slowFirst = world.llm.requests.length + 1;
    world.answerLlm(() =>
      world.llm.requests.length === slowFirst ? { ...llmFinding(), delayMs: 15_000 } : llmFinding(),
    );
    const [c, d] = await Promise.all([startReplica("c"), startReplica("d")]);
    if (!c || !d) throw new Error("both replicas must start");
    const response = await sendWebhook(
      `${c.baseUrl}/api/github/webhooks`,
      WEBHOOK_SECRET,
      "pull_request",
      "rolling-1",
      world.github.payload(pr, "opened"),
    );
    expect(response.status).toBe(200);
    await waitFor(() => world.llm.requests.length >= slowFirst, "the first LLM request");
    const [busy, other] = logLines(c, "job started").length > 0 ? [c, d] : [d, c];

    const exited = new Promise<number | null>((resolve) => busy.child.once("exit", (code) => resolve(code)));
    busy.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(busy.output()).toContain(
      "shutdown deadline reached: unfinished jobs stay queued for the next start",
    );
    await waitFor(
      () => world.github.checkRunsFor(LIVE(pr)).some((run) => run.status === "completed"),
      `the completed check; ${other.name}'s output:\n${other.output().slice(-3_000)}`,
      30_000,
    );
    // Handed back, not crashed: the other replica ran it without waiting out a lease.
    expect(logLines(other, "taking over jobs whose lease expired (their process stopped)")).toEqual([]);
    expect(world.github.reviewsOn(pr).map((review) => review.commitId)).toEqual([LIVE(pr)]);
    expect(world.github.checkRunsFor(LIVE(pr))).toHaveLength(1);
  }, 90_000);
});
