import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rulePrecision } from "../../src/analytics/rule-precision.ts";
import {
  openSqliteAnalyticsStore,
  type SqliteAnalyticsStore,
} from "../../src/analytics/sqlite-analytics-store.ts";
import { event, hours, pull, triage } from "./flow-timeline.ts";

describe("SqliteAnalyticsStore", () => {
  let dir: string;
  let store: SqliteAnalyticsStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pr-triage-analytics-"));
    store = openSqliteAnalyticsStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

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

  it("survives a reopen of the file, and ignores a replayed triage record", async () => {
    const record = triage(pull(3), {
      level: "high",
      routed: ["alice", "team:security"],
      posted: [{ fingerprint: "f".repeat(16), ruleId: "secrets/aws" }],
    });
    await store.recordTriage(record);
    await store.recordTriage(record);
    store.close();
    store = openSqliteAnalyticsStore(dir);
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
    await store.recordFeedback([{ ...feedback, thumbsDown: 0, thumbsUp: 2, addressed: true, at: hours(3) }]);
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
});

describe("ignores as feedback", () => {
  it("counts a maintainer's /triage ignore as a false positive of its rule, once per finding", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pr-triage-analytics-"));
    const store = openSqliteAnalyticsStore(dir);
    try {
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
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
