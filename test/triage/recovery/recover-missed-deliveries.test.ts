import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import type { Logger } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSqliteJobStore, type SqliteJobStore } from "../../../src/queue/sqlite-job-store.ts";
import { recoverMissedDeliveries } from "../../../src/triage/recovery/recover-missed-deliveries.ts";
import {
  hookDelivery,
  nockListHookDeliveries,
  nockOpenPulls,
  nockRedeliver,
  nockTriageChecks,
} from "../../helpers/nock-hook-deliveries.ts";
import { testOctokit } from "../../helpers/test-octokit.ts";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const REPO = { owner: "Codertocat", name: "Hello-World" };
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;

function pull(number: number, sha: string, draft = false): Record<string, unknown> {
  return {
    number,
    draft,
    state: "open",
    updated_at: "2024-05-01T11:00:00Z",
    head: { sha, ref: `topic-${number}` },
  };
}

describe("recoverMissedDeliveries (recorded GitHub responses)", () => {
  let dataDir: string;
  let store: SqliteJobStore;
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pr-triage-recovery-"));
    store = openSqliteJobStore(dataDir);
  });
  afterEach(async () => {
    nock.cleanAll();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = () =>
    recoverMissedDeliveries({
      appOctokit: async () => testOctokit(),
      installationOctokit: async () => testOctokit(),
      ledger: store.ledger,
      enqueue: (delivery, requests) => store.accept(delivery, requests, NOW),
      settings: { windowMs: 6 * 3_600_000, maxDeliveries: 100, maxRedeliveries: 10, maxPulls: 10 },
      log: silent,
      now: () => NOW,
    });

  it("redelivers only deliveries that never got a 2xx and that it never recorded, once, across pages", async () => {
    await store.accept({ id: "recorded-guid", event: "pull_request.opened" }, [], NOW - 60_000);
    const pages = [
      [
        hookDelivery(106, "failed-twice", "2024-05-01T11:30:00Z", 502),
        hookDelivery(105, "recovered", "2024-05-01T11:20:00Z", 200),
        hookDelivery(104, "recorded-guid", "2024-05-01T11:10:00Z", 0),
      ],
      [
        hookDelivery(103, "recovered", "2024-05-01T10:00:00Z", 503),
        hookDelivery(102, "failed-twice", "2024-05-01T09:00:00Z", 0),
        hookDelivery(101, "lost", "2024-05-01T08:00:00Z", 0, "issue_comment"),
        // Outside the six-hour window: listing stops here.
        hookDelivery(100, "too-old", "2024-05-01T05:00:00Z", 0),
      ],
    ];
    const listing = nockListHookDeliveries(pages);
    const redeliveries = [nockRedeliver(101), nockRedeliver(106)];
    const pulls = nockOpenPulls(REPO, []);

    const report = await run();
    expect(listing.isDone() && pulls.isDone()).toBe(true);
    for (const scope of redeliveries) expect(scope.isDone()).toBe(true);
    expect(report).toMatchObject({
      ranHere: true,
      listed: 6,
      redelivered: ["lost", "failed-twice"],
      redeliveryErrors: 0,
    });

    // The next run sees the same log (GitHub has not delivered yet) and asks for nothing again.
    const again = nockListHookDeliveries(pages);
    nockOpenPulls(REPO, []);
    expect(await run()).toMatchObject({ redelivered: [] });
    expect(again.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("counts a redelivery GitHub refuses, and carries on with the rest", async () => {
    nockListHookDeliveries([
      [
        hookDelivery(202, "b", "2024-05-01T11:00:00Z", 500),
        hookDelivery(201, "a", "2024-05-01T10:00:00Z", 500),
      ],
    ]);
    nockRedeliver(201, 422);
    nockRedeliver(202);
    nockOpenPulls(REPO, []);
    expect(await run()).toMatchObject({ redelivered: ["b"], redeliveryErrors: 1 });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("enqueues an open, ready PR whose head has no triage; skips drafts and triaged heads, once", async () => {
    nockListHookDeliveries([[]]);
    nockOpenPulls(REPO, [pull(1, "draft-sha", true), pull(2, "triaged-sha"), pull(3, "missed-sha")]);
    nockTriageChecks(REPO, "triaged-sha", 1);
    nockTriageChecks(REPO, "missed-sha", 0);

    expect(await run()).toMatchObject({ reconciled: { looked: 3, enqueued: 1 } });
    expect(nock.pendingMocks()).toEqual([]);
    expect(await store.claim(NOW)).toMatchObject({
      pullNumber: 3,
      headSha: "missed-sha",
      trigger: "pull_request",
    });
    expect(await store.claim(NOW)).toBeUndefined();

    // Next run: the head it enqueued is known, so GitHub is not asked about its checks again.
    nockListHookDeliveries([[]]);
    nockOpenPulls(REPO, [pull(3, "missed-sha")]);
    expect(await run()).toMatchObject({ reconciled: { looked: 1, enqueued: 0 } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("does nothing while another replica holds the recovery lock", async () => {
    const busy = {
      exclusively: async () => undefined,
      handled: (guids: readonly string[]) => store.ledger.handled(guids),
      markRedelivered: (guid: string, event: string, now: number) =>
        store.ledger.markRedelivered(guid, event, now),
    };
    const report = await recoverMissedDeliveries({
      appOctokit: async () => testOctokit(),
      installationOctokit: async () => testOctokit(),
      ledger: busy,
      enqueue: (delivery, requests) => store.accept(delivery, requests, NOW),
      settings: { windowMs: 3_600_000, maxDeliveries: 10, maxRedeliveries: 10, maxPulls: 10 },
      log: silent,
      now: () => NOW,
    });
    expect(report).toMatchObject({ ranHere: false, redelivered: [] });
  });
});
