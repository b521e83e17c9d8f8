import pg from "pg";
import { expect, it } from "vitest";
import { PG_ANALYTICS_MIGRATION } from "../../src/analytics/pg-analytics-store.ts";
import { migratePg } from "../../src/queue/migrate-pg.ts";
import { PgJobStore } from "../../src/queue/pg-job-store.ts";
import { PgRecoveryLedger } from "../../src/queue/pg-recovery-ledger.ts";
import { createTestDatabase, describePg, type TestDatabase } from "../helpers/test-database.ts";
import { jobStoreContract } from "./job-store.contract.ts";

let database: TestDatabase | undefined;
const url = (): string => {
  if (!database) throw new Error("the test database was not created: setUp did not run");
  return database.url;
};

const openPg = (leaseMs: number): PgJobStore => new PgJobStore({ url: url(), leaseMs, poolSize: 4 });

describePg("PostgreSQL store (TEST_DATABASE_URL)", () => {
  jobStoreContract("PgJobStore", {
    shared: true,
    setUp: async () => {
      database = await createTestDatabase();
    },
    reset: async () => {
      const store = openPg(1_000);
      await store.ready;
      await store.pool.query(
        "TRUNCATE jobs, deliveries, redeliveries, write_log, write_pauses RESTART IDENTITY",
      );
      await store.close();
    },
    open: async (leaseMs) => {
      const store = openPg(leaseMs);
      return { store, ledger: new PgRecoveryLedger(store.pool, store.ready) };
    },
    tearDown: async () => {
      await database?.drop();
    },
  });

  it("migrates once when several replicas start together, and refuses a newer schema", async () => {
    const own = await createTestDatabase();
    try {
      const pools = Array.from({ length: 3 }, () => {
        const pool = new pg.Pool({ connectionString: own.url, max: 2 });
        // Dropping the database ends connections still closing: not this test's concern.
        pool.on("error", () => undefined);
        return pool;
      });
      const results = await Promise.all(pools.map((pool) => migratePg(pool, [PG_ANALYTICS_MIGRATION])));
      expect(results.map((r) => r.from).sort()).toEqual([0, 2, 2]);
      const [first] = pools;
      await first?.query("UPDATE pr_triage_schema SET version = 99");
      await expect(migratePg(first as pg.Pool, [PG_ANALYTICS_MIGRATION])).rejects.toThrow(
        /schema version 99, but this pr-triage knows only up to 2/,
      );
      await Promise.all(pools.map((pool) => pool.end()));
    } finally {
      await own.drop();
    }
  });

  it("is not ready while migrations run, and says how to fix an unreachable database", async () => {
    const store = new PgJobStore({ url: "postgres://nobody@127.0.0.1:1/none", leaseMs: 1_000, poolSize: 1 });
    expect(await store.health()).toMatchObject({ kind: "postgres", ready: false });
    await expect(store.ready).rejects.toThrow(
      /Cannot prepare the PostgreSQL job store: .*Check DATABASE_URL/,
    );
    await store.close();
  });
});
