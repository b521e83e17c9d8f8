import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "probot";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { githubRetryError } from "../../src/github/github-retry-error.ts";
import { handleHealthz } from "../../src/handlers/handle-healthz.ts";
import { HealthRecorder } from "../../src/queue/health-recorder.ts";
import type { JobEnding, JobRunner } from "../../src/queue/job-runner.ts";
import type { JobRequest, StoredJob } from "../../src/queue/job-store.ts";
import { JobWorker } from "../../src/queue/job-worker.ts";
import { openSqliteJobStore, type SqliteJobStore } from "../../src/queue/sqlite-job-store.ts";

const silent = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => silent,
} as unknown as Logger;

function request(pullNumber: number): JobRequest {
  return {
    installationId: 1,
    owner: "octo",
    repo: "app",
    pullNumber,
    headSha: `sha-${pullNumber}`,
    headSeenAt: null,
    trigger: "pull_request",
    requestedBy: null,
  };
}

const httpError = (status: number) =>
  Object.assign(new Error(`HTTP ${status}`), { status, response: { status, headers: {} } });

class Runner implements JobRunner {
  runs = 0;
  closes: JobEnding[] = [];
  run: (job: StoredJob) => Promise<string> = async () => {
    this.runs++;
    return "triaged";
  };
  close: (job: StoredJob, ending: JobEnding) => Promise<void> = async (_job, ending) => {
    this.closes.push(ending);
  };
}

describe("JobWorker never leaves a job or a check stuck", () => {
  let dataDir: string;
  let store: SqliteJobStore;
  let worker: JobWorker | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pr-triage-recovery-"));
    store = openSqliteJobStore(dataDir);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await worker?.stop(100);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (runner: JobRunner, health = new HealthRecorder()) => {
    worker = new JobWorker({
      store,
      runner,
      health,
      concurrency: 1,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 },
      log: silent,
      classifyError: githubRetryError,
    });
    return worker.start();
  };

  it("requeues a job whose result the store failed to record, instead of leaving it running", async () => {
    const runner = new Runner();
    const finish = store.finish.bind(store);
    let failOnce = true;
    vi.spyOn(store, "finish").mockImplementation(async (...args) => {
      if (failOnce) {
        failOnce = false;
        throw new Error("database is locked");
      }
      return finish(...args);
    });
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request(1)], Date.now());
    await start(runner);
    await vi.waitFor(async () => expect((await store.get(1))?.state).toBe("done"), { timeout: 10_000 });
    // It ran again once the store answered: the PR was not blocked until a restart.
    expect(runner.runs).toBe(2);
  });

  it("retries closing the check run, and only then ends the job", async () => {
    const runner = new Runner();
    runner.run = async () => {
      throw httpError(404);
    };
    let closeCalls = 0;
    runner.close = async (_job, ending) => {
      closeCalls++;
      if (closeCalls < 3) throw httpError(502);
      runner.closes.push(ending);
    };
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request(1)], Date.now());
    await start(runner);
    await vi.waitFor(async () => expect((await store.get(1))?.state).toBe("failed"), { timeout: 10_000 });
    expect(closeCalls).toBe(3);
    expect(runner.closes).toHaveLength(1);
  });

  it("keeps a job whose check cannot be closed yet in the queue, to close it later", async () => {
    const runner = new Runner();
    runner.run = async () => {
      throw httpError(404);
    };
    runner.close = async () => {
      throw httpError(503);
    };
    await store.accept({ id: "d1", event: "pull_request.opened" }, [request(1)], Date.now());
    await start(runner);
    await vi.waitFor(
      async () => expect((await store.get(1))?.lastError).toMatch(/could not close the check run/),
      {
        timeout: 15_000,
      },
    );
    expect((await store.get(1))?.state).not.toBe("failed");
  }, 30_000);

  it("reports degraded health, with reasons, when jobs keep failing for good", async () => {
    const runner = new Runner();
    runner.run = async () => {
      throw Object.assign(new Error("Invalid character in header content"), { status: 401 });
    };
    const health = new HealthRecorder();
    for (const n of [1, 2, 3]) {
      await store.accept({ id: `d${n}`, event: "pull_request.opened" }, [request(n)], Date.now());
    }
    await start(runner, health);
    await worker?.onIdle();
    const answer = await healthz(worker as JobWorker);
    expect(answer.status).toBe(503);
    expect(answer.body.status).toBe("degraded");
    expect(answer.body.problems.join(" ")).toMatch(
      /last 3 jobs failed for good; the last error: .*Invalid character/,
    );
  });

  it("lists installations whose token GitHub refuses without marking the whole app degraded", () => {
    const health = new HealthRecorder();
    health.tokenFailed(7, 404, "Not Found");
    expect(health.report([], 1000)).toEqual({
      problems: [],
      unavailableInstallations: [{ installationId: 7, reason: "Not Found" }],
    });
    health.tokenFailed(8, 401, "A JSON web token could not be decoded");
    expect(health.report([{ id: 3, ms: 2000 }], 1000).problems).toEqual([
      "GitHub installation tokens cannot be minted: A JSON web token could not be decoded. Check APP_ID and the private key.",
      "job 3 has been running for 2 s, longer than the 1 s a triage may take",
    ]);
  });
});

async function healthz(
  source: JobWorker,
): Promise<{ status: number; body: { status: string; problems: string[] } }> {
  let status = 0;
  let text = "";
  const res = {
    writeHead(code: number) {
      status = code;
      return { end: (body: string) => (text = body) };
    },
  };
  await handleHealthz({ method: "GET", url: "/healthz" } as never, res as never, source);
  return { status, body: JSON.parse(text) };
}
