import { afterAll, beforeAll, expect, it } from "vitest";
import { PgWritePacer } from "../../src/github/pg-write-pacer.ts";
import { PgJobStore } from "../../src/queue/pg-job-store.ts";
import { createTestDatabase, describePg, type TestDatabase } from "../helpers/test-database.ts";

describePg("PgWritePacer (TEST_DATABASE_URL)", () => {
  let database: TestDatabase;
  let stores: PgJobStore[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    stores = [];
    await database.drop();
  });

  /** Two replicas' pacers on one fake clock: a sleep advances it and is recorded per replica. */
  function replicas(limits: { perMinute: number; perHour: number }) {
    let now = 1_700_000_000_000;
    const sleeps: number[][] = [[], []];
    const pacers = sleeps.map((slept) => {
      const store = new PgJobStore({ url: database.url, leaseMs: 10_000, poolSize: 2 });
      stores.push(store);
      return new PgWritePacer(
        store.pool,
        store.ready,
        limits,
        () => now,
        async (ms) => {
          slept.push(ms);
          now += ms;
        },
      );
    });
    return { pacers, sleeps, advance: (ms: number) => (now += ms) };
  }

  it("shares one installation's minute quota between replicas; other installations are not slowed", async () => {
    const { pacers, sleeps, advance } = replicas({ perMinute: 3, perHour: 100 });
    const [a, b] = pacers;
    await a?.acquire(11);
    await a?.acquire(11);
    advance(10_000);
    await b?.acquire(11);
    await b?.acquire(12);
    expect(sleeps).toEqual([[], []]);
    // The fourth write of installation 11 waits for the first to leave the minute, on either replica.
    await b?.acquire(11);
    expect(sleeps).toEqual([[], [50_000]]);
  });

  it("holds every replica's writes while GitHub asked one of them to back off", async () => {
    const { pacers, sleeps } = replicas({ perMinute: 80, perHour: 500 });
    const [a, b] = pacers;
    a?.pause(21, 1_700_000_000_000 + 30_000);
    // pause is fire-and-forget; give the write a moment to land before asking.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await b?.acquire(21);
    expect(sleeps[1]).toEqual([30_000]);
  });
});
