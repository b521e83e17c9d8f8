import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { githubRetryError } from "../../src/github/github-retry-error.ts";
import type { JobEnding, JobRunner } from "../../src/queue/job-runner.ts";
import type { JobRequest, StoredJob } from "../../src/queue/job-store.ts";
import { JobWorker } from "../../src/queue/job-worker.ts";
import { openSqliteJobStore, type SqliteJobStore } from "../../src/queue/sqlite-job-store.ts";

interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that records structured lines, with the child bindings merged in. */
function recordingLogger(lines: LogLine[], bindings: Record<string, unknown> = {}): Logger {
  const at =
    (level: string) =>
    (fields: Record<string, unknown> | string, message?: string): void => {
      if (typeof fields === "string") lines.push({ level, fields: bindings, message: fields });
      else lines.push({ level, fields: { ...bindings, ...fields }, message: message ?? "" });
    };
  return {
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    debug: at("debug"),
    child: (more: Record<string, unknown>) => recordingLogger(lines, { ...bindings, ...more }),
  } as unknown as Logger;
}

function request(pullNumber: number, headSha = `sha-${pullNumber}`): JobRequest {
  return {
    installationId: 1,
    owner: "octo",
    repo: "app",
    pullNumber,
    headSha,
    headSeenAt: null,
    trigger: "pull_request",
    requestedBy: null,
  };
}

/** Generous: on a loaded machine the e2e suite's server processes compete for the CPU. */
const POLL = { timeout: 10_000 };

const badGateway = () =>
  Object.assign(new Error("Bad Gateway"), {
    status: 502,
    request: { method: "POST", url: "https://api.github.com/repos/octo/app/pulls/1/reviews" },
    response: { status: 502, headers: {} },
  });

/** A runner driven by a per-call script; records what ran and what was closed. */
class ScriptedRunner implements JobRunner {
  readonly runs: StoredJob[] = [];
  readonly closed: { job: StoredJob; ending: JobEnding }[] = [];
  active = 0;
  maxActive = 0;
  readonly activePrs = new Set<number>();
  overlappedPr = false;
  script: (job: StoredJob, call: number) => Promise<string> = async () => "triaged";

  async run(job: StoredJob): Promise<string> {
    this.runs.push(job);
    if (this.activePrs.has(job.pullNumber)) this.overlappedPr = true;
    this.activePrs.add(job.pullNumber);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      return await this.script(job, this.runs.length);
    } finally {
      this.active--;
      this.activePrs.delete(job.pullNumber);
    }
  }

  async close(job: StoredJob, ending: JobEnding): Promise<void> {
    this.closed.push({ job, ending });
  }
}

describe("JobWorker", () => {
  let dataDir: string;
  let store: SqliteJobStore;
  let runner: ScriptedRunner;
  let lines: LogLine[];
  let worker: JobWorker;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  function startWorker(maxAttempts = 3, concurrency = 2): JobWorker {
    worker = new JobWorker({
      store,
      runner,
      concurrency,
      retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 2 },
      log: recordingLogger(lines),
      classifyError: githubRetryError,
    });
    return worker;
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pr-triage-worker-"));
    store = openSqliteJobStore(dataDir);
    runner = new ScriptedRunner();
    lines = [];
  });
  afterEach(async () => {
    await worker?.stop(100);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs every job, at most `concurrency` at once and never two for one PR", async () => {
    runner.script = async () => {
      await tick();
      return "triaged";
    };
    for (const [i, req] of [
      request(1, "a"),
      request(1, "b"),
      request(1, "c"),
      request(2),
      request(3),
    ].entries()) {
      await store.accept({ id: `d${i}`, event: "pull_request.synchronize" }, [req], Date.now());
    }
    await startWorker().start();
    await worker.onIdle();
    expect(runner.runs).toHaveLength(5);
    expect(runner.maxActive).toBe(2);
    expect(runner.overlappedPr).toBe(false);
    expect(await store.stats(Date.now())).toEqual({ queued: 0, running: 0, retrying: 0, failed: 0 });
    expect(lines.filter((l) => l.message === "job finished")).toHaveLength(5);
  });

  it("logs each job with its delivery, installation, repo, PR and head", async () => {
    await store.accept({ id: "delivery-42", event: "pull_request.opened" }, [request(9, "cafe")], Date.now());
    await startWorker().start();
    await worker.onIdle();
    expect(lines.find((l) => l.message === "job finished")?.fields).toMatchObject({
      delivery: "delivery-42",
      installation: 1,
      repo: "octo/app",
      pr: 9,
      head: "cafe",
      outcome: "triaged",
    });
  });

  it("retries a transient failure, then records the success", async () => {
    runner.script = async (_job, call) => {
      if (call === 1) throw badGateway();
      return "triaged";
    };
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request(1)], Date.now());
    await startWorker().start();
    await expect.poll(() => runner.runs.length, POLL).toBe(2);
    await worker.onIdle();
    expect(await store.get(1)).toMatchObject({ state: "done", outcome: "triaged", attempts: 2 });
    expect(lines.find((l) => l.level === "warn")).toMatchObject({
      message: "job attempt failed; it will be retried",
      fields: { attempt: 1, reason: expect.stringContaining("GitHub answered 502") },
    });
    expect(runner.closed).toEqual([]);
  });

  it("fails a job after its last attempt, closing its check run with the reason", async () => {
    runner.script = async () => {
      throw badGateway();
    };
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request(1)], Date.now());
    await startWorker(3).start();
    await expect.poll(async () => (await store.get(1))?.state, POLL).toBe("failed");
    expect(runner.runs).toHaveLength(3);
    const reason =
      "gave up after 3 attempts; the last one failed: GitHub answered 502 to POST /repos/octo/app/pulls/1/reviews: Bad Gateway";
    expect(runner.closed).toEqual([
      { job: expect.objectContaining({ id: 1 }), ending: { kind: "failed", reason } },
    ]);
    expect(await store.get(1)).toMatchObject({ lastError: reason });
    expect(lines.find((l) => l.level === "error")).toMatchObject({
      message: "job failed for good",
      fields: { reason, pr: 1 },
    });
  });

  it("fails at once on an error that would only repeat", async () => {
    runner.script = async () => {
      throw new TypeError("Cannot read properties of undefined");
    };
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request(1)], Date.now());
    await startWorker().start();
    await expect.poll(async () => (await store.get(1))?.state, POLL).toBe("failed");
    expect(runner.runs).toHaveLength(1);
    expect(runner.closed[0]?.ending).toEqual({
      kind: "failed",
      reason: "Cannot read properties of undefined",
    });
  });

  it("only closes the check of a job superseded while it waited", async () => {
    const now = Date.now();
    await store.accept(
      { id: "d1", event: "s" },
      [{ ...request(1, "old"), headSeenAt: "2024-01-01T00:00:00Z" }],
      now,
    );
    const job = await store.claim(now);
    await store.recordCheckRun(job?.id ?? 0, 55, now);
    await store.retryAt(job?.id ?? 0, now + 60_000, "GitHub answered 502", now);
    await store.accept(
      { id: "d2", event: "s" },
      [{ ...request(1, "new"), headSeenAt: "2024-01-01T00:01:00Z" }],
      now,
    );
    await startWorker().start();
    await worker.onIdle();
    expect(runner.runs.map((r) => r.headSha)).toEqual(["new"]);
    expect(runner.closed).toEqual([
      { job: expect.objectContaining({ id: 1, checkRunId: 55 }), ending: { kind: "superseded" } },
    ]);
    expect(await store.get(1)).toMatchObject({ state: "superseded" });
  });

  it("does not retry a failed attempt whose head was superseded meanwhile", async () => {
    runner.script = async (job) => {
      if (job.headSha !== "old") return "triaged";
      await store.accept(
        { id: "d2", event: "s" },
        [{ ...request(1, "new"), headSeenAt: "2024-01-01T00:01:00Z" }],
        Date.now(),
      );
      throw badGateway();
    };
    await store.accept(
      { id: "d1", event: "s" },
      [{ ...request(1, "old"), headSeenAt: "2024-01-01T00:00:00Z" }],
      1,
    );
    await startWorker().start();
    await expect.poll(() => runner.runs.length, POLL).toBe(2);
    await worker.onIdle();
    expect(runner.closed.map((c) => c.ending)).toEqual([{ kind: "superseded" }]);
    expect(await store.get(1)).toMatchObject({ state: "superseded", attempts: 1 });
    expect(await store.get(2)).toMatchObject({ state: "done", outcome: "triaged" });
  });

  it("gives up on a job whose every attempt was cut short by a crash", async () => {
    await store.accept({ id: "d1", event: "s" }, [request(1)], 1);
    for (let i = 0; i < 3; i++) {
      await store.claim(Date.now());
      // The next process on this DATA_DIR takes over what the "crashed" one left running.
      const next = openSqliteJobStore(dataDir);
      await next.recover(Date.now());
      await next.close();
    }
    await startWorker(3).start();
    await expect.poll(async () => (await store.get(1))?.state, POLL).toBe("failed");
    expect(runner.runs).toEqual([]);
    expect(runner.closed[0]?.ending).toMatchObject({
      kind: "failed",
      reason: expect.stringContaining("the process stopped during each of its 3 attempts"),
    });
  });

  it("on stop, lets in-flight jobs finish and takes no new ones", async () => {
    let release = () => {};
    runner.script = () =>
      new Promise((resolve) => {
        release = () => resolve("triaged");
      });
    await store.accept({ id: "d1", event: "s" }, [request(1), request(2)], Date.now());
    await startWorker(3, 1).start();
    await expect.poll(() => runner.runs.length, POLL).toBe(1);
    const stopped = worker.stop(5_000);
    release();
    expect(await stopped).toEqual({ released: 0 });
    expect(runner.runs).toHaveLength(1);
    expect(await store.stats(Date.now())).toMatchObject({ queued: 1, running: 0 });
  });

  it("gives a job still running at the deadline back to the store, its attempt not counted", async () => {
    runner.script = () => new Promise(() => {});
    await store.accept({ id: "d1", event: "s" }, [request(1)], Date.now());
    await startWorker().start();
    await expect.poll(() => runner.runs.length, POLL).toBe(1);
    expect(await worker.stop(20)).toEqual({ released: 1 });
    expect(await store.get(1)).toMatchObject({ state: "queued", attempts: 0 });
  });

  it("wakes up for a job whose retry delay ends", async () => {
    runner.script = async (_job, call) => {
      if (call === 1)
        throw Object.assign(badGateway(), { status: 429, response: { headers: { "retry-after": "0.05" } } });
      return "triaged";
    };
    await store.accept({ id: "d1", event: "s" }, [request(1)], Date.now());
    await startWorker().start();
    await expect.poll(async () => (await store.get(1))?.state, POLL).toBe("done");
    expect(runner.runs).toHaveLength(2);
  });
});
