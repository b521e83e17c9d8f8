import PQueue from "p-queue";
import type { Logger } from "probot";
import { AckDeferral } from "./ack-deferral.ts";
import type { ClassifyError } from "./classify-error.ts";
import { closeWithRetry, releaseAfterStoreError } from "./close-with-retry.ts";
import { decideRetry, type RetryPolicy } from "./decide-retry.ts";
import { HealthRecorder, type HealthReport } from "./health-recorder.ts";
import type { JobEnding, JobRunner } from "./job-runner.ts";
import type { JobStore, QueueStats, StoredJob } from "./job-store.ts";
import { LeaseKeeper } from "./lease-keeper.ts";
import { HOUSEKEEP_QUIET_MS, StoreUpkeep } from "./store-upkeep.ts";

export interface WorkerOptions {
  store: JobStore;
  runner: JobRunner;
  concurrency: number;
  retry: RetryPolicy;
  log: Logger;
  now?: () => number;
  /** Shared with the runner, which records token failures in it. */
  health?: HealthRecorder;
  /** A job running longer than this is reported as stuck in `/healthz` (default 15 minutes). */
  stuckAfterMs?: number;
  /** The app passes `githubRetryError`; by default errors reach `decideRetry` as thrown. */
  classifyError?: ClassifyError;
}

/** After a store error, try again this much later rather than spinning. */
const STORE_ERROR_PAUSE_MS = 1_000;
const DEFAULT_STUCK_AFTER_MS = 15 * 60_000;

/**
 * Takes jobs from the store and runs them, `concurrency` at a time and one per PR (the store's
 * claim guarantees it). A failed attempt is retried later or ends the job, by `decideRetry`; an
 * ended job closes its check run. `stop` takes no new jobs and gives back what outlives the deadline.
 */
export class JobWorker {
  readonly #store: JobStore;
  readonly #runner: JobRunner;
  readonly #retry: RetryPolicy;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #concurrency: number;
  readonly #queue: PQueue;
  /** Running job ids, with when each started. */
  readonly #running = new Map<number, number>();
  readonly #health: HealthRecorder;
  readonly #stuckAfterMs: number;
  readonly #classify: ClassifyError;
  #pumping: Promise<void> | undefined;
  #pumpAgain = false;
  #wakeTimer: NodeJS.Timeout | undefined;
  #maintenanceTimer: NodeJS.Timeout | undefined;
  readonly #leases: LeaseKeeper;
  readonly #upkeep: StoreUpkeep;
  #stopping = false;
  readonly #arrivals = new AckDeferral();
  /** Set when shutdown gave the in-flight jobs back: their late results must not be recorded. */
  #abandoned = false;

  constructor(options: WorkerOptions) {
    this.#store = options.store;
    this.#runner = options.runner;
    this.#retry = options.retry;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    this.#concurrency = options.concurrency;
    this.#queue = new PQueue({ concurrency: options.concurrency });
    this.#leases = new LeaseKeeper(options.store, options.log);
    this.#upkeep = new StoreUpkeep(options.store, options.log);
    this.#health = options.health ?? new HealthRecorder();
    this.#stuckAfterMs = options.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS;
    this.#classify = options.classifyError ?? (() => undefined);
  }

  /** Problems a probe should see (see HealthRecorder), from what this worker has seen. */
  health(): HealthReport {
    const now = this.#now();
    return this.#health.report(
      [...this.#running].map(([id, since]) => ({ id, ms: now - since })),
      this.#stuckAfterMs,
    );
  }

  /** Requeues what a crash left running, then starts taking jobs. */
  async start(): Promise<void> {
    const resumed = await this.#store.recover(this.#now());
    if (resumed > 0) this.#log.info({ resumed }, "resuming jobs interrupted by a crash or restart");
    await this.#maintain();
    this.#maintenanceTimer = setInterval(() => void this.#maintain(), HOUSEKEEP_QUIET_MS).unref();
    this.notify();
  }

  /** A delivery was just recorded: its job is due, once the deliveries stop arriving. */
  accepted(): void {
    this.#arrivals.accepted(this.#now());
    this.notify();
  }

  /** New work may be due. */
  notify(): void {
    void this.#pump();
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  async stats(): Promise<QueueStats> {
    return this.#store.stats(this.#now());
  }

  /**
   * Stops taking jobs and waits up to `timeoutMs` for those in flight. Any still running then are
   * given back to the store (their attempt not counted) for the next process to resume.
   */
  async stop(timeoutMs: number): Promise<{ released: number }> {
    this.#stopping = true;
    clearTimeout(this.#wakeTimer);
    // Upkeep goes on while jobs drain: it renews their leases, or another replica would take them over.
    return this.#drain(timeoutMs).finally(() => clearInterval(this.#maintenanceTimer));
  }

  async #drain(timeoutMs: number): Promise<{ released: number }> {
    await this.#pumping;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.#queue.onIdle().then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!timedOut) return { released: 0 };
    this.#abandoned = true;
    const ids = [...this.#running.keys()];
    for (const id of ids) await this.#store.release(id, this.#now());
    return { released: ids.length };
  }

  /** Resolves once nothing runs and nothing is due now (jobs waiting out a retry delay do not count). */
  async onIdle(): Promise<void> {
    for (;;) {
      await this.#pumping;
      await this.#queue.onIdle();
      const due = await this.#store.nextDueAt();
      if (this.#running.size === 0 && !this.#pumping && (due === undefined || due > this.#now())) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  #pump(): Promise<void> {
    if (this.#pumping) {
      this.#pumpAgain = true;
      return this.#pumping;
    }
    this.#pumpAgain = false;
    this.#pumping = this.#fill().finally(() => {
      this.#pumping = undefined;
      if (this.#pumpAgain) void this.#pump();
    });
    return this.#pumping;
  }

  async #fill(): Promise<void> {
    try {
      const now = this.#now();
      const deferredUntil = this.#arrivals.deferredUntil(now);
      if (deferredUntil !== undefined) return this.#wakeAt(deferredUntil);
      while (!this.#stopping && this.#running.size < this.#concurrency) {
        const job = await this.#store.claim(this.#now());
        if (!job) break;
        this.#running.set(job.id, this.#now());
        void this.#queue.add(async () => {
          try {
            await this.#execute(job);
          } finally {
            this.#running.delete(job.id);
            this.notify();
          }
        });
      }
      await this.#scheduleWake();
    } catch (error) {
      this.#log.error({ err: error }, "job store error; trying again shortly");
      this.#wakeAt(this.#now() + STORE_ERROR_PAUSE_MS);
    }
  }

  /** Sleeps until the earliest delayed job is due; completions and new deliveries wake it sooner. */
  async #scheduleWake(): Promise<void> {
    if (this.#stopping) return;
    const due = await this.#store.nextDueAt();
    if (due === undefined) return;
    if (due > this.#now()) this.#wakeAt(due);
    // It fell due between the claim and now: look again, or it would wait for the next event.
    else if (this.#running.size < this.#concurrency) this.#pumpAgain = true;
  }

  #wakeAt(at: number): void {
    if (this.#stopping) return;
    clearTimeout(this.#wakeTimer);
    // setImmediate: after a stalled loop, timers run before pending I/O; webhooks that arrived
    // meanwhile must be acked (and counted by `accepted`) before a job is started.
    this.#wakeTimer = setTimeout(
      () => setImmediate(() => this.notify()),
      Math.max(0, at - this.#now()),
    ).unref();
  }

  async #execute(job: StoredJob): Promise<void> {
    const log = this.#log.child({
      job: job.id,
      delivery: job.deliveryId,
      installation: job.installationId,
      repo: `${job.owner}/${job.repo}`,
      pr: job.pullNumber,
      head: job.headSha,
    });
    try {
      if (job.superseded) return await this.#end(job, { kind: "superseded" }, log);
      if (job.attempts > this.#retry.maxAttempts) {
        const reason = `the process stopped during each of its ${this.#retry.maxAttempts} attempts (crash or kill); the last error recorded was: ${job.lastError ?? "none"}`;
        return await this.#end(job, { kind: "failed", reason }, log);
      }
      await this.#attempt(job, log);
    } catch (error) {
      // Only the store can fail here. Left `running`, the job would block its PR until a restart:
      // put it back in the queue, so it runs again (publishing is idempotent) once the store is back.
      log.error({ err: error }, "could not record the job's result; requeueing it");
      await releaseAfterStoreError(this.#store, job, this.#now, log);
    }
  }

  async #attempt(job: StoredJob, log: Logger): Promise<void> {
    const started = this.#now();
    log.info({ attempt: job.attempts, trigger: job.trigger }, "job started");
    let outcome: string;
    try {
      outcome = await this.#runner.run(job, log);
    } catch (error) {
      if (this.#abandoned) return;
      const current = (await this.#store.get(job.id)) ?? job;
      if (current.superseded) return await this.#end(current, { kind: "superseded" }, log);
      const now = this.#now();
      const decision = decideRetry(this.#classify(error, now) ?? error, job.attempts, this.#retry, now);
      if (!decision.retry) return await this.#end(current, { kind: "failed", reason: decision.reason }, log);
      await this.#store.retryAt(job.id, this.#now() + decision.delayMs, decision.reason, this.#now());
      log.warn(
        {
          attempt: job.attempts,
          maxAttempts: this.#retry.maxAttempts,
          retryInMs: decision.delayMs,
          reason: decision.reason,
        },
        "job attempt failed; it will be retried",
      );
      return;
    }
    if (this.#abandoned) return;
    await this.#store.finish(job.id, "done", outcome, this.#now());
    this.#health.jobSucceeded();
    log.info({ outcome, attempt: job.attempts, ms: this.#now() - started }, "job finished");
  }

  /** Closes the check run first (see closeWithRetry), then records how the job ended. */
  async #end(job: StoredJob, ending: JobEnding, log: Logger): Promise<void> {
    const closed = await closeWithRetry(this.#runner, this.#store, job, ending, {
      retry: this.#retry,
      now: this.#now,
      classify: this.#classify,
      log,
    });
    if (closed === "requeued") return;
    if (ending.kind === "failed") {
      this.#health.jobFailed(ending.reason);
      await this.#store.finish(job.id, "failed", ending.reason, this.#now());
      log.error({ attempts: job.attempts, reason: ending.reason }, "job failed for good");
    } else {
      await this.#store.finish(job.id, "superseded", "a newer head SHA was queued for this PR", this.#now());
      log.info("job superseded by a newer head SHA");
    }
  }

  /** Store upkeep, kept out of the way of acks: it runs when no delivery is arriving. */
  async #maintain(): Promise<void> {
    const now = this.#now();
    if (await this.#leases.tick([...this.#running.keys()], now, !this.#stopping)) this.notify();
    // Other replicas queue work too (accepted there, or handed back): look for it every tick.
    if (!this.#stopping && this.#running.size < this.#concurrency) this.notify();
    await this.#upkeep.tick(now, this.#arrivals.lastAcceptAt);
  }
}
