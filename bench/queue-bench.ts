import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "probot";
import type { JobRequest, JobStore } from "../src/queue/job-store.ts";
import { JobWorker } from "../src/queue/job-worker.ts";
import { PgJobStore } from "../src/queue/pg-job-store.ts";
import { openSqliteJobStore } from "../src/queue/sqlite-job-store.ts";
import { createTestDatabase, TEST_DATABASE_URL } from "../test/helpers/test-database.ts";
import { printTable } from "./ack-bench.ts";

const DELIVERIES = 2_000;
/** Deliveries in flight at once, spread over the replicas (an ack path under a burst). */
const IN_FLIGHT = 16;
const CONCURRENCY_PER_REPLICA = 4;
const LEASE_MS = 15_000;
const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as unknown as Logger;

interface Setup {
  name: string;
  /** One store per replica, all on the same data. */
  open(): Promise<{ stores: JobStore[]; close(): Promise<void> }>;
}

function request(i: number): JobRequest {
  // One PR per delivery: the triage figure measures the store, not one PR's serialisation.
  return {
    installationId: 1 + (i % 4),
    owner: "bench",
    repo: "queue",
    pullNumber: i,
    headSha: `${i}`.padStart(40, "0"),
    headSeenAt: "2024-03-01T10:00:00Z",
    trigger: "pull_request",
    requestedBy: null,
  };
}

/** Accepts DELIVERIES deliveries, IN_FLIGHT at a time, round-robin over the replicas' stores. */
async function acceptAll(stores: readonly JobStore[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  const sender = async (): Promise<void> => {
    for (let i = next++; i < DELIVERIES; i = next++) {
      const store = stores[i % stores.length] as JobStore;
      await store.accept({ id: `bench-${i}`, event: "pull_request.synchronize" }, [request(i)], Date.now());
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  return DELIVERIES / ((performance.now() - started) / 1000);
}

/** Runs every queued job with a stub triage (resolves at once), one worker per replica store. */
async function triageAll(stores: readonly JobStore[]): Promise<number> {
  let done = 0;
  const runner = {
    run: async () => {
      done++;
      return "triaged";
    },
    close: async () => {},
  };
  const retry = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 1_000 };
  const workers = stores.map(
    (store) => new JobWorker({ store, runner, concurrency: CONCURRENCY_PER_REPLICA, retry, log: silent }),
  );
  const started = performance.now();
  await Promise.all(workers.map((worker) => worker.start()));
  while (done < DELIVERIES) await new Promise((resolve) => setTimeout(resolve, 5));
  await Promise.all(workers.map((worker) => worker.onIdle()));
  const perSecond = DELIVERIES / ((performance.now() - started) / 1000);
  await Promise.all(workers.map((worker) => worker.stop(1_000)));
  const stats = await stores[0]?.stats(Date.now());
  if (stats?.queued !== 0 || stats.running !== 0) throw new Error(`jobs left over: ${JSON.stringify(stats)}`);
  return perSecond;
}

const sqlite: Setup = {
  name: "SQLite (1 process)",
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), "pr-triage-bench-"));
    const store = openSqliteJobStore(dir, LEASE_MS);
    return {
      stores: [store],
      close: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(replicas: number): Setup {
  return {
    name: `PostgreSQL, ${replicas} replica${replicas > 1 ? "s" : ""}`,
    open: async () => {
      const database = await createTestDatabase();
      const stores = Array.from(
        { length: replicas },
        () => new PgJobStore({ url: database.url, leaseMs: LEASE_MS, poolSize: 10 }),
      );
      await Promise.all(stores.map((store) => store.ready));
      return {
        stores,
        close: async () => {
          for (const store of stores) await store.close();
          await database.drop();
        },
      };
    },
  };
}

/**
 * `npm run bench queue`: the job store's capacity, in this process, for SQLite and for
 * PostgreSQL with one and two replicas (each replica its own pool, store owner and worker, as
 * separate processes would have; they share this process's CPU). Accepted deliveries per second
 * (`accept`, 16 in flight) and triage jobs per second with a stub triage that returns at once,
 * so the figure is the queue's own overhead: claim, finish, leases.
 */
export async function runQueueBench(): Promise<void> {
  console.log(
    `\n${DELIVERIES} deliveries (one PR each); PostgreSQL at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)\n`,
  );
  const rows = [["store", "accepted/s", "vs SQLite", "triage jobs/s", "vs SQLite"]];
  let base: { accepted: number; triaged: number } | undefined;
  for (const setup of [sqlite, postgres(1), postgres(2)]) {
    const { stores, close } = await setup.open();
    try {
      const accepted = await acceptAll(stores);
      const triaged = await triageAll(stores);
      base ??= { accepted, triaged };
      rows.push([
        setup.name,
        accepted.toFixed(0),
        `${(accepted / base.accepted).toFixed(2)}x`,
        triaged.toFixed(0),
        `${(triaged / base.triaged).toFixed(2)}x`,
      ]);
    } finally {
      await close();
    }
  }
  printTable(rows);
  console.log(
    `\nWorkers: ${CONCURRENCY_PER_REPLICA} concurrent jobs per replica. Ratios are against SQLite in the same run. ` +
      "On a shared 2-core machine the replicas compete with PostgreSQL itself for the CPU.",
  );
}

if (import.meta.main) await runQueueBench();
