import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobRequest } from "../../src/queue/job-store.ts";
import { openSqliteJobStore, type SqliteJobStore } from "../../src/queue/sqlite-job-store.ts";

const T0 = 1_700_000_000_000;

function request(overrides: Partial<JobRequest> = {}): JobRequest {
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

describe("SqliteJobStore", () => {
  let dataDir: string;
  let store: SqliteJobStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pr-triage-store-"));
    store = openSqliteJobStore(dataDir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps an accepted job across a reopen (what the ack promised survives a crash)", async () => {
    const result = await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
    expect(result).toEqual({ kind: "accepted", jobs: [{ id: 1, status: "queued", supersedes: [] }] });
    await store.close();
    store = openSqliteJobStore(dataDir);
    expect(await store.claim(T0)).toMatchObject({
      id: 1,
      deliveryId: "d1",
      headSha: "aaa",
      state: "running",
      attempts: 1,
      checkRunId: null,
    });
  });

  it("records each delivery id once", async () => {
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
    expect(await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0 + 1)).toEqual({
      kind: "duplicate",
    });
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
    expect(
      await store.accept({ id: "d3", event: "pull_request.synchronize" }, [request()], T0),
    ).toMatchObject({
      jobs: [{ status: "merged" }],
    });
    await store.finish(job?.id ?? 0, "done", "triaged", T0);
    expect(
      await store.accept({ id: "d4", event: "pull_request.synchronize" }, [request()], T0),
    ).toMatchObject({
      jobs: [{ status: "merged" }],
    });
    expect(await store.stats(T0)).toMatchObject({ queued: 0, running: 0 });
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
    expect(
      await store.accept({ id: "d2", event: "pull_request.ready_for_review" }, [request()], T0),
    ).toMatchObject({ jobs: [{ status: "queued" }] });
  });

  it("supersedes queued work for an older head; work that opened a check run is flagged to close it", async () => {
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request({ pullNumber: 1 })], T0);
    await store.accept({ id: "d2", event: "pull_request.opened" }, [request({ pullNumber: 2 })], T0);
    const withCheck = await store.claim(T0);
    await store.recordCheckRun(withCheck?.id ?? 0, 99, T0);
    await store.retryAt(withCheck?.id ?? 0, T0 + 60_000, "GitHub answered 502", T0);

    const newer = { headSha: "bbb", headSeenAt: "2024-01-01T10:05:00Z" };
    const one = await store.accept({ id: "d3", event: "s" }, [request({ pullNumber: 1, ...newer })], T0 + 1);
    const two = await store.accept({ id: "d4", event: "s" }, [request({ pullNumber: 2, ...newer })], T0 + 1);
    expect(one).toMatchObject({ jobs: [{ id: 3, status: "queued", supersedes: [1] }] });
    expect(two).toMatchObject({ jobs: [{ id: 4, status: "queued", supersedes: [2] }] });

    // Job 1 had its check run open: it is due now, to close it; job 2 never started and just ends.
    expect(await store.get(1)).toMatchObject({ state: "queued", superseded: true, checkRunId: 99 });
    expect(await store.get(2)).toMatchObject({ state: "superseded", superseded: false });
    expect(await store.claim(T0 + 1)).toMatchObject({ id: 1, superseded: true });
  });

  it("flags a running job for an older head, without stopping it", async () => {
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request()], T0);
    await store.claim(T0);
    await store.accept(
      { id: "d2", event: "pull_request.synchronize" },
      [request({ headSha: "bbb", headSeenAt: "2024-01-01T10:05:00Z" })],
      T0,
    );
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

  it("resumes jobs a crash left running, with the attempt counted; a release does not count it", async () => {
    await store.accept({ id: "d1", event: "s" }, [request({ pullNumber: 1 })], T0);
    await store.accept({ id: "d2", event: "s" }, [request({ pullNumber: 2 })], T0);
    await store.claim(T0);
    await store.claim(T0);
    await store.release(2, T0);
    await store.close();
    store = openSqliteJobStore(dataDir);
    expect(await store.recover(T0 + 10)).toBe(1);
    expect(await store.get(1)).toMatchObject({ state: "queued", attempts: 1 });
    expect(await store.get(2)).toMatchObject({ state: "queued", attempts: 0 });
  });

  it("prunes finished jobs and old deliveries, never pending ones", async () => {
    await store.accept({ id: "d1", event: "s" }, [request({ pullNumber: 1 })], T0);
    await store.accept({ id: "d2", event: "s" }, [request({ pullNumber: 2 })], T0);
    await store.finish(1, "done", "triaged", T0);
    expect(await store.prune(T0 + 1)).toBe(1);
    expect(await store.get(1)).toBeUndefined();
    expect(await store.get(2)).toMatchObject({ state: "queued" });
    // The pruned delivery is forgotten: a redelivery now would be new work.
    expect(await store.accept({ id: "d1", event: "s" }, [request({ pullNumber: 1 })], T0 + 2)).toMatchObject({
      kind: "accepted",
    });
  });

  it("folds the write-ahead log into the database file when asked, not on the ack path", async () => {
    for (let i = 0; i < 50; i++)
      await store.accept({ id: `d${i}`, event: "s" }, [request({ pullNumber: i })], T0);
    const copy = join(dataDir, "copy");
    mkdirSync(copy);
    copyFileSync(join(dataDir, "pr-triage.sqlite"), join(copy, "pr-triage.sqlite"));
    const before = openSqliteJobStore(copy);
    expect(await before.stats(T0)).toMatchObject({ queued: 0 });
    await before.close();

    await store.housekeep();
    copyFileSync(join(dataDir, "pr-triage.sqlite"), join(copy, "pr-triage.sqlite"));
    rmSync(join(copy, "pr-triage.sqlite-wal"), { force: true });
    const after = openSqliteJobStore(copy);
    expect(await after.stats(T0)).toMatchObject({ queued: 50 });
    await after.close();
  });

  it("explains how to fix a DATA_DIR it cannot use", () => {
    const notADirectory = join(dataDir, "a-file");
    writeFileSync(notADirectory, "");
    expect(() => openSqliteJobStore(join(notADirectory, "data"))).toThrow(
      /Cannot open the job store at .*Set DATA_DIR to a writable directory/,
    );
  });
});
