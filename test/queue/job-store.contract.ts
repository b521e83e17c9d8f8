import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobRequest, JobStore } from "../../src/queue/job-store.ts";
import type { RecoveryLedger } from "../../src/queue/recovery-ledger.ts";

export const T0 = 1_700_000_000_000;

export function request(overrides: Partial<JobRequest> = {}): JobRequest {
  return {
    installationId: 1,
    owner: "octo",
    repo: "app",
    pullNumber: 7,
    headSha: "aaa",
    headSeenAt: "2024-01-01T10:00:00Z",
    trigger: "pull_request",
    requestedBy: null,
    ...overrides,
  };
}

export interface StoreHandle {
  store: JobStore;
  ledger: RecoveryLedger;
}

/** How one store kind is set up for the contract. */
export interface StoreHarness {
  /** Once per file: e.g. create the database. */
  setUp(): Promise<void>;
  /** Before each test: empty data, ids from 1. */
  reset(): Promise<void>;
  /** Another handle on the same data, as a second replica (or the next process) would have. */
  open(leaseMs: number): Promise<StoreHandle>;
  tearDown(): Promise<void>;
  /**
   * Several processes share the store (PostgreSQL): a job is another's until its lease expires.
   * Otherwise (SQLite, one process per DATA_DIR) every other owner is a dead process.
   */
  shared: boolean;
}

const LEASE_MS = 5_000;

/**
 * The job store contract: every store runs this same suite (test/queue/sqlite-job-store.test.ts
 * and pg-job-store.test.ts), so the stores cannot drift apart in what the worker relies on.
 */
export function jobStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name}: the job store contract`, () => {
    let handles: StoreHandle[] = [];
    let store: JobStore;
    const open = async (): Promise<StoreHandle> => {
      const handle = await harness.open(LEASE_MS);
      handles.push(handle);
      return handle;
    };
    beforeAll(() => harness.setUp());
    afterAll(() => harness.tearDown());
    beforeEach(async () => {
      await harness.reset();
      handles = [];
      store = (await open()).store;
    });
    afterEach(async () => {
      for (const handle of handles) await handle.store.close().catch(() => undefined);
    });

    it("keeps an accepted job across a reopen (what the ack promised survives a crash)", async () => {
      const result = await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
      expect(result).toEqual({ kind: "accepted", jobs: [{ id: 1, status: "queued", supersedes: [] }] });
      await store.close();
      store = (await open()).store;
      expect(await store.claim(T0)).toMatchObject({
        id: 1,
        deliveryId: "d1",
        headSha: "aaa",
        state: "running",
        attempts: 1,
        checkRunId: null,
      });
    });

    it("records each delivery id once, also when two replicas receive it at the same moment", async () => {
      const other = (await open()).store;
      const results = await Promise.all([
        store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0),
        other.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(["accepted", "duplicate"]);
      expect(await store.stats(T0)).toMatchObject({ queued: 1 });
    });

    it("runs a redelivered delivery again only when everything it started failed", async () => {
      await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
      const job = await store.claim(T0);
      await store.finish(job?.id ?? 0, "failed", "GitHub answered 404", T0);
      expect(await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0 + 5)).toEqual({
        kind: "retried",
        jobIds: [1],
      });
      expect(await store.claim(T0 + 5)).toMatchObject({ id: 1, attempts: 1, state: "running" });
    });

    it("merges deliveries for the same PR and head into the queued, running or triaged job", async () => {
      await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
      const merged = await store.accept({ id: "d2", event: "pull_request.reopened" }, [request()], T0);
      expect(merged).toMatchObject({ kind: "accepted", jobs: [{ status: "merged" }] });
      const job = await store.claim(T0);
      expect(await store.accept({ id: "d3", event: "s" }, [request()], T0)).toMatchObject({
        jobs: [{ status: "merged" }],
      });
      await store.finish(job?.id ?? 0, "done", "triaged", T0);
      expect(await store.accept({ id: "d4", event: "s" }, [request()], T0)).toMatchObject({
        jobs: [{ status: "merged" }],
      });
      expect(await store.stats(T0)).toMatchObject({ queued: 0, running: 0 });
    });

    it("one triage per head when two replicas accept deliveries for it at once", async () => {
      const other = (await open()).store;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 === 0 ? store : other).accept({ id: `d${i}`, event: "s" }, [request()], T0),
        ),
      );
      const statuses = results.flatMap((r) => (r.kind === "accepted" ? r.jobs.map((j) => j.status) : []));
      expect(statuses.filter((s) => s === "queued")).toHaveLength(1);
      expect(statuses.filter((s) => s === "merged")).toHaveLength(5);
    });

    it("queues an explicit re-run even when the same head is running or was triaged", async () => {
      await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
      await store.claim(T0);
      const rerun = request({ trigger: "check_rerun", headSeenAt: null });
      expect(await store.accept({ id: "d2", event: "check_run.rerequested" }, [rerun], T0)).toMatchObject({
        jobs: [{ status: "queued" }],
      });
    });

    it("triages again after a skip: ready_for_review follows a skipped draft", async () => {
      await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
      const job = await store.claim(T0);
      await store.finish(job?.id ?? 0, "done", "skipped-draft", T0);
      expect(await store.accept({ id: "d2", event: "s" }, [request()], T0)).toMatchObject({
        jobs: [{ status: "queued" }],
      });
    });

    it("supersedes queued work for an older head; work that opened a check run is flagged to close it", async () => {
      await store.accept({ id: "d1", event: "pull_request.opened" }, [request({ pullNumber: 1 })], T0);
      await store.accept({ id: "d2", event: "pull_request.opened" }, [request({ pullNumber: 2 })], T0);
      const withCheck = await store.claim(T0);
      await store.recordCheckRun(withCheck?.id ?? 0, 99, T0);
      await store.retryAt(withCheck?.id ?? 0, T0 + 60_000, "GitHub answered 502", T0);

      const newer = { headSha: "bbb", headSeenAt: "2024-01-01T10:05:00Z" };
      const one = await store.accept(
        { id: "d3", event: "s" },
        [request({ pullNumber: 1, ...newer })],
        T0 + 1,
      );
      const two = await store.accept(
        { id: "d4", event: "s" },
        [request({ pullNumber: 2, ...newer })],
        T0 + 1,
      );
      expect(one).toMatchObject({ jobs: [{ id: 3, status: "queued", supersedes: [1] }] });
      expect(two).toMatchObject({ jobs: [{ id: 4, status: "queued", supersedes: [2] }] });
      expect(await store.get(1)).toMatchObject({ state: "queued", superseded: true, checkRunId: 99 });
      expect(await store.get(2)).toMatchObject({ state: "superseded", superseded: false });
      expect(await store.claim(T0 + 1)).toMatchObject({ id: 1, superseded: true });
    });

    it("flags a running job for an older head, without stopping it", async () => {
      await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
      await store.claim(T0);
      const newer = request({ headSha: "bbb", headSeenAt: "2024-01-01T10:05:00Z" });
      await store.accept({ id: "d2", event: "pull_request.synchronize" }, [newer], T0);
      expect(await store.get(1)).toMatchObject({ state: "running", superseded: true });
    });

    it("records a delivery that arrives after a newer head as stale, and never runs it", async () => {
      const newer = request({ headSha: "bbb", headSeenAt: "2024-01-01T10:05:00Z" });
      await store.accept({ id: "d2", event: "pull_request.synchronize" }, [newer], T0);
      const late = await store.accept({ id: "d1", event: "pull_request.synchronize" }, [request()], T0 + 1);
      expect(late).toMatchObject({ jobs: [{ id: 2, status: "stale" }] });
      expect(await store.get(2)).toMatchObject({ state: "superseded" });
      expect(await store.claim(T0 + 1)).toMatchObject({ id: 1, headSha: "bbb" });
      expect(await store.claim(T0 + 1)).toBeUndefined();
    });

    it("keeps both heads when nothing orders them; the live head check decides at run time", async () => {
      await store.accept({ id: "d1", event: "s" }, [request({ headSeenAt: null })], T0);
      const other = await store.accept(
        { id: "d2", event: "s" },
        [request({ headSha: "bbb", headSeenAt: null })],
        T0,
      );
      expect(other).toMatchObject({ jobs: [{ status: "queued", supersedes: [] }] });
      expect(await store.stats(T0)).toMatchObject({ queued: 2 });
    });

    it("hands out one running job per PR", async () => {
      await store.accept({ id: "d1", event: "s" }, [request({ headSeenAt: null })], T0);
      await store.accept({ id: "d2", event: "s" }, [request({ headSha: "bbb", headSeenAt: null })], T0);
      await store.accept({ id: "d3", event: "s" }, [request({ pullNumber: 8 })], T0);
      expect(await store.claim(T0)).toMatchObject({ id: 1 });
      expect(await store.claim(T0)).toMatchObject({ id: 3, pullNumber: 8 });
      expect(await store.claim(T0)).toBeUndefined();
      await store.finish(1, "done", "skipped-stale", T0);
      expect(await store.claim(T0)).toMatchObject({ id: 2 });
    });

    it("never runs two jobs of one PR at once, however many replicas claim together", async () => {
      for (let pr = 1; pr <= 4; pr++) {
        for (const sha of ["a", "b", "c"]) {
          await store.accept(
            { id: `d${pr}${sha}`, event: "s" },
            [request({ pullNumber: pr, headSha: sha, headSeenAt: null })],
            T0,
          );
        }
      }
      const replicas = [store, (await open()).store, (await open()).store];
      const claimed = (
        await Promise.all(replicas.flatMap((r) => [r.claim(T0), r.claim(T0), r.claim(T0)]))
      ).filter((job) => job !== undefined);
      expect(claimed.map((job) => job.pullNumber).sort()).toEqual([1, 2, 3, 4]);
      expect(await store.stats(T0)).toMatchObject({ running: 4, queued: 8 });
    });

    it("holds a retried job until it is due", async () => {
      await store.accept({ id: "d1", event: "s" }, [request()], T0);
      const job = await store.claim(T0);
      await store.retryAt(job?.id ?? 0, T0 + 5_000, "GitHub answered 502", T0);
      expect(await store.claim(T0 + 4_999)).toBeUndefined();
      expect(await store.nextDueAt()).toBe(T0 + 5_000);
      expect(await store.stats(T0)).toEqual({ queued: 1, running: 0, retrying: 1, failed: 0 });
      expect(await store.claim(T0 + 5_000)).toMatchObject({ attempts: 2, lastError: "GitHub answered 502" });
    });

    it("counts a job blocked behind its PR's running job as not due, so the worker does not spin", async () => {
      await store.accept({ id: "d1", event: "s" }, [request({ headSeenAt: null })], T0);
      await store.accept({ id: "d2", event: "s" }, [request({ headSha: "bbb", headSeenAt: null })], T0);
      await store.claim(T0);
      expect(await store.nextDueAt()).toBeUndefined();
      await store.finish(1, "done", "triaged", T0);
      expect(await store.nextDueAt()).toBe(T0);
    });

    it("takes over a crashed owner's job once its lease expired, with the attempt counted; a release does not count it", async () => {
      await store.accept({ id: "d1", event: "s" }, [request({ pullNumber: 1 })], T0);
      await store.accept({ id: "d2", event: "s" }, [request({ pullNumber: 2 })], T0);
      await store.claim(T0);
      await store.claim(T0);
      await store.release(2, T0);
      const next = (await open()).store;
      expect(await next.recover(T0 + LEASE_MS)).toBe(1);
      expect(await next.get(1)).toMatchObject({ state: "queued", attempts: 1 });
      expect(await next.get(2)).toMatchObject({ state: "queued", attempts: 0 });
      // Job 2 was given back earlier, so it is due first.
      expect(await next.claim(T0 + LEASE_MS)).toMatchObject({ id: 2, attempts: 1 });
      expect(await next.claim(T0 + LEASE_MS)).toMatchObject({ id: 1, attempts: 2 });
      // The old owner wakes up: what it records no longer counts.
      await store.finish(1, "done", "triaged", T0 + LEASE_MS + 1);
      expect(await next.get(1)).toMatchObject({ state: "running" });
      await next.finish(1, "done", "triaged", T0 + LEASE_MS + 2);
      expect(await next.get(1)).toMatchObject({ state: "done", outcome: "triaged" });
    });

    it("never takes back a job its own process is running", async () => {
      await store.accept({ id: "d1", event: "s" }, [request()], T0);
      await store.claim(T0);
      expect(await store.renew([1], T0 + LEASE_MS - 1)).toBe(1);
      expect(await store.recover(T0 + LEASE_MS)).toBe(0);
      expect(await store.health()).toMatchObject({ ready: true, lease: { ms: LEASE_MS, held: 1 } });
    });

    if (harness.shared) {
      it("leaves another replica's job alone while its lease is renewed, and takes it when renewals stop", async () => {
        await store.accept({ id: "d1", event: "s" }, [request()], T0);
        await store.claim(T0);
        const other = (await open()).store;
        expect(await store.renew([1], T0 + 4_000)).toBe(1);
        expect(await other.recover(T0 + LEASE_MS)).toBe(0);
        expect(await other.claim(T0 + LEASE_MS)).toBeUndefined();
        expect(await other.recover(T0 + 4_000 + LEASE_MS)).toBe(1);
        expect(await store.renew([1], T0 + 4_000 + LEASE_MS)).toBe(0);
      });
    }

    it("prunes finished jobs and old deliveries, never pending ones", async () => {
      await store.accept({ id: "d1", event: "s" }, [request({ pullNumber: 1 })], T0);
      await store.accept({ id: "d2", event: "s" }, [request({ pullNumber: 2 })], T0);
      await store.finish(1, "done", "triaged", T0);
      expect(await store.prune(T0 + 1)).toBe(1);
      expect(await store.get(1)).toBeUndefined();
      expect(await store.get(2)).toMatchObject({ state: "queued" });
      // The pruned delivery is forgotten: a redelivery now would be new work.
      expect(
        await store.accept({ id: "d1", event: "s" }, [request({ pullNumber: 1 })], T0 + 2),
      ).toMatchObject({
        kind: "accepted",
      });
    });

    it("records each redelivery once and knows the deliveries it already has", async () => {
      const { ledger } = handles[0] ?? (await open());
      await store.accept({ id: "received", event: "s" }, [request()], T0);
      expect(await ledger.markRedelivered("lost", "pull_request", T0)).toBe(true);
      expect(await ledger.markRedelivered("lost", "pull_request", T0 + 1)).toBe(false);
      expect(await ledger.handled(["received", "lost", "new"])).toEqual(new Set(["received", "lost"]));
    });

    it(`runs recovery ${harness.shared ? "on one replica at a time" : "in its single process"}`, async () => {
      const [first] = handles;
      const second = await open();
      const inner = await first?.ledger.exclusively("recovery", () =>
        second.ledger.exclusively("recovery", async () => "second"),
      );
      expect(inner).toBe(harness.shared ? undefined : "second");
      expect(await second.ledger.exclusively("recovery", async () => "after")).toBe("after");
    });
  });
}
