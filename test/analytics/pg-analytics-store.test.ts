import pg from "pg";
import { expect, it } from "vitest";
import { PG_ANALYTICS_MIGRATION, PgAnalyticsStore } from "../../src/analytics/pg-analytics-store.ts";
import { migratePg } from "../../src/queue/migrate-pg.ts";
import { PgJobStore } from "../../src/queue/pg-job-store.ts";
import { createTestDatabase, describePg, type TestDatabase } from "../helpers/test-database.ts";
import { analyticsStoreContract } from "./analytics-store.contract.ts";
import { event, pull } from "./flow-timeline.ts";

const ANALYTICS_TABLES = [
  "analytics_pulls",
  "analytics_events",
  "analytics_triages",
  "analytics_posted_findings",
  "analytics_ignored_findings",
  "analytics_comment_feedback",
];

let database: TestDatabase | undefined;
const url = (): string => {
  if (!database) throw new Error("the test database was not created: setUp did not run");
  return database.url;
};

/** As src/main.ts wires it: the analytics on the job store's pool. */
const openPg = (at = url()): { jobs: PgJobStore; analytics: PgAnalyticsStore } => {
  const jobs = new PgJobStore({ url: at, leaseMs: 1_000, poolSize: 2, migrations: [PG_ANALYTICS_MIGRATION] });
  return { jobs, analytics: new PgAnalyticsStore(jobs.pool, jobs.ready) };
};

describePg("PostgreSQL analytics store (TEST_DATABASE_URL)", () => {
  analyticsStoreContract("PgAnalyticsStore", {
    setUp: async () => {
      database = await createTestDatabase();
    },
    reset: async () => {
      const { jobs } = openPg();
      await jobs.ready;
      await jobs.pool.query(`TRUNCATE ${ANALYTICS_TABLES.join(", ")}`);
      await jobs.close();
    },
    open: async () => {
      const { jobs, analytics } = openPg();
      return { store: analytics, close: () => jobs.close() };
    },
    tearDown: async () => {
      await database?.drop();
    },
  });

  it("adds its tables to a database of the previous schema version, keeping the jobs' tables", async () => {
    const own = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: own.url, max: 2 });
    pool.on("error", () => undefined);
    try {
      await migratePg(pool, [PG_ANALYTICS_MIGRATION]);
      // A database migrated by the pr-triage before analytics moved here: version 1, no analytics tables.
      await pool.query(`DROP TABLE ${ANALYTICS_TABLES.join(", ")}`);
      await pool.query("UPDATE pr_triage_schema SET version = 1");
      await pool.query("INSERT INTO deliveries (id, event, received_at) VALUES ('d1', 'pull_request', 0)");
      expect(await migratePg(pool, [PG_ANALYTICS_MIGRATION])).toEqual({ from: 1, to: 2 });
      const store = new PgAnalyticsStore(pool, Promise.resolve());
      const pr = pull(1);
      expect(await store.recordEvent(pr, event(pr, "opened", 0))).toBe(true);
      expect((await store.load(0)).events).toHaveLength(1);
      expect((await pool.query("SELECT id FROM deliveries")).rows).toEqual([{ id: "d1" }]);
    } finally {
      await pool.end();
      await own.drop();
    }
  });

  it("two replicas recording the same deliveries at once record each once", async () => {
    const own = await createTestDatabase();
    const replicas = [openPg(own.url), openPg(own.url)];
    try {
      const pr = pull(11);
      const events = Array.from({ length: 20 }, (_, i) => event(pr, "comment", i, `user${i}`));
      const results = await Promise.all(
        replicas.flatMap((r) => events.map((e) => r.analytics.recordEvent(pr, e))),
      );
      expect(results.filter(Boolean)).toHaveLength(events.length);
      expect((await replicas[1]?.analytics.load(0))?.events).toHaveLength(events.length);
    } finally {
      for (const r of replicas) await r.jobs.close();
      await own.drop();
    }
  });

  it("waits for the migrations, and fails as they did when they cannot run", async () => {
    const jobs = new PgJobStore({ url: "postgres://nobody@127.0.0.1:1/none", leaseMs: 1_000, poolSize: 1 });
    const store = new PgAnalyticsStore(jobs.pool, jobs.ready);
    await expect(store.load(0)).rejects.toThrow(/Cannot prepare the PostgreSQL job store/);
    await jobs.close();
  });
});
