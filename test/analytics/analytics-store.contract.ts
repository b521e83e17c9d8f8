import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AnalyticsStore } from "../../src/analytics/analytics-store.ts";
import { rulePrecision } from "../../src/analytics/rule-precision.ts";
import { event, hours, pull, triage } from "./flow-timeline.ts";

export interface AnalyticsHandle {
  store: AnalyticsStore;
  /** Ends this handle (SQLite: the file; PostgreSQL: the job store's pool it shares). */
  close(): Promise<void>;
}

/** How one store kind is set up for the contract. */
export interface AnalyticsHarness {
  /** Once per file: e.g. create the database. */
  setUp(): Promise<void>;
  /** Before each test: no analytics recorded. */
  reset(): Promise<void>;
  /** A handle on the same data, as the next process (or another replica) would open it. */
  open(): Promise<AnalyticsHandle>;
  tearDown(): Promise<void>;
}

/**
 * The analytics store contract: every store runs this same suite
 * (test/analytics/sqlite-analytics-store.test.ts and pg-analytics-store.test.ts), so the figures
 * read the same whichever database keeps them.
 */
export function analyticsStoreContract(name: string, harness: AnalyticsHarness): void {
  describe(`${name}: the analytics store contract`, () => {
    let handles: AnalyticsHandle[] = [];
    let store: AnalyticsStore;
    const open = async (): Promise<AnalyticsStore> => {
      const handle = await harness.open();
      handles.push(handle);
      return handle.store;
    };
    const closeAll = async (): Promise<void> => {
      for (const handle of handles) await handle.close();
      handles = [];
    };
    beforeAll(() => harness.setUp());
    afterAll(() => harness.tearDown());
    beforeEach(async () => {
      await harness.reset();
      store = await open();
    });
    afterEach(closeAll);

    it("records each delivery once, and keeps a PR's whole timeline when part of it is recent", async () => {
      const pr = pull(1);
      const opened = event(pr, "opened", -24 * 40);
      expect(await store.recordEvent(pr, opened)).toBe(true);
      expect(await store.recordEvent(pr, opened)).toBe(false);
      await store.recordEvent(pr, event(pr, "merged", 0, "bob"));
      await store.recordEvent(pull(2), event(pull(2), "opened", -24 * 40));
      const snapshot = await store.load(hours(-24 * 30));
      expect(snapshot.pulls.map((p) => p.pullNumber)).toEqual([1]);
      expect(snapshot.events.map((e) => e.kind)).toEqual(["opened", "merged"]);
    });

    it("survives a reopen of the store, and ignores a replayed triage record", async () => {
      const record = triage(pull(3), {
        level: "high",
        routed: ["alice", "team:security"],
        posted: [{ fingerprint: "f".repeat(16), ruleId: "secrets/aws" }],
      });
      await store.recordTriage(record);
      await store.recordTriage(record);
      await closeAll();
      store = await open();
      const { triages } = await store.load(0);
      expect(triages).toEqual([{ ...record, posted: [] }]);
    });

    it("joins comment feedback to the rule that posted it; reactions and resolution update in place", async () => {
      const pr = pull(4);
      const fingerprint = "a".repeat(16);
      await store.recordTriage(
        triage(pr, { posted: [{ fingerprint, ruleId: "ci-workflows/unpinned-action" }] }),
      );
      const feedback = {
        commentId: 9,
        repo: pr.repo,
        pullNumber: 4,
        fingerprint,
        thumbsUp: 0,
        thumbsDown: 1,
        addressed: false,
        at: hours(1),
      };
      await store.recordFeedback([feedback]);
      await store.recordThreadResolution({
        repo: pr.repo,
        pullNumber: 4,
        comments: [{ commentId: 9, fingerprint }],
        resolved: true,
        at: hours(2),
      });
      await store.recordFeedback([
        { ...feedback, thumbsDown: 0, thumbsUp: 2, addressed: true, at: hours(3) },
      ]);
      await store.recordThreadResolution({
        repo: pr.repo,
        pullNumber: 4,
        comments: [{ commentId: 10, fingerprint: "b".repeat(16) }],
        resolved: true,
        at: hours(3),
      });
      const { feedback: rows } = await store.load(0);
      expect(rows).toEqual([
        {
          ruleId: "ci-workflows/unpinned-action",
          repo: pr.repo,
          commentId: 9,
          thumbsUp: 2,
          thumbsDown: 0,
          addressed: true,
          resolved: true,
          at: hours(3),
        },
        {
          ruleId: "unknown",
          repo: pr.repo,
          commentId: 10,
          thumbsUp: 0,
          thumbsDown: 0,
          addressed: false,
          resolved: true,
          at: hours(3),
        },
      ]);
    });

    it("prunes what is older than the retention period, and the PRs left without events", async () => {
      const old = pull(5);
      const recent = pull(6);
      await store.recordEvent(old, event(old, "opened", -24 * 200));
      await store.recordTriage(triage(old, { completedAt: hours(-24 * 200) }));
      await store.recordEvent(recent, event(recent, "opened", 0));
      expect(await store.prune(hours(-24 * 180))).toBe(3);
      const snapshot = await store.load(0);
      expect(snapshot.pulls.map((p) => p.pullNumber)).toEqual([6]);
      expect(snapshot.triages).toEqual([]);
    });

    it("counts a maintainer's /triage ignore as a false positive of its rule, once per finding", async () => {
      const ignored = [{ fingerprint: "a".repeat(16), ruleId: "missing-tests/source-without-tests" }];
      await store.recordTriage(triage(pull(7), { ignored }));
      // The next push carries the same ignore: still one.
      await store.recordTriage(triage(pull(7), { deliveryId: "again", headSha: "c".repeat(40), ignored }));
      const snapshot = await store.load(hours(-24));
      const rules = rulePrecision(snapshot.feedback);
      expect(rules).toEqual([
        expect.objectContaining({
          ruleId: "missing-tests/source-without-tests",
          ignored: 1,
          comments: 0,
          precision: 0,
        }),
      ]);
    });

    it("reads back every field as the type it was written: 64-bit ids, epoch ms, nulls, flags, costs", async () => {
      const pr = pull(8, "someone[bot]", "Acme/Zeta");
      const opened = { ...event(pr, "opened", -1, null, "draft"), id: "Z-1" };
      const review = { ...event(pr, "review", -1, "dependabot[bot]"), id: "a-1" };
      await store.recordEvent(pr, opened);
      await store.recordEvent(pr, review);
      const record = triage(pr, { costUsd: null, tokens: { input: 3_000_000_000, cached: 0, output: 7 } });
      await store.recordTriage(record);
      await store.recordTriage(triage(pr, { costUsd: 0.125, completedAt: hours(0.2) }));
      const commentId = 2_900_000_123;
      await store.recordThreadResolution({
        repo: pr.repo,
        pullNumber: 8,
        comments: [{ commentId, fingerprint: "d".repeat(16) }],
        resolved: false,
        at: hours(1),
      });
      const snapshot = await store.load(hours(-2));
      expect(snapshot.pulls).toEqual([pr]);
      // Same time: ordered by id, byte-wise (upper case first), in every store.
      expect(snapshot.events).toEqual([opened, review]);
      expect(snapshot.triages.map((t) => [t.costUsd, t.tokens.input])).toEqual([
        [null, 3_000_000_000],
        [0.125, 1000],
      ]);
      expect(snapshot.triages[0]?.eventAt).toBe(record.eventAt);
      expect(snapshot.feedback).toEqual([
        expect.objectContaining({ commentId, resolved: false, addressed: false, at: hours(1) }),
      ]);
      await store.housekeep(Date.now());
    });
  });
}
