import PQueue from "p-queue";
import { jobKey, type TriageJob } from "../triage/triage-job.ts";

export type JobRunner = (job: TriageJob) => Promise<void>;

/**
 * Runs triage jobs after the webhook has been acknowledged. One PR is never processed by two
 * workers at once; a newer head SHA replaces a queued older one, so stale work is not done.
 */
export class TriageQueue {
  readonly #queue: PQueue;
  readonly #run: JobRunner;
  /** Latest job waiting per PR; replaced when a newer event for the same PR arrives. */
  readonly #pending = new Map<string, TriageJob>();
  readonly #active = new Set<string>();

  constructor(run: JobRunner, concurrency = 2) {
    this.#run = run;
    this.#queue = new PQueue({ concurrency });
  }

  /** Returns at once; the job runs later. Returns false when an identical job is already waiting. */
  enqueue(job: TriageJob): boolean {
    const key = jobKey(job);
    const waiting = this.#pending.get(key);
    if (waiting && waiting.headSha === job.headSha && job.trigger === "pull_request") return false;
    this.#pending.set(key, job);
    if (!waiting) this.#schedule(key);
    return true;
  }

  #schedule(key: string): void {
    void this.#queue.add(async () => {
      if (this.#active.has(key)) {
        // Another worker holds this PR; come back when it is done.
        this.#schedule(key);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return;
      }
      const job = this.#pending.get(key);
      if (!job) return;
      this.#pending.delete(key);
      this.#active.add(key);
      try {
        await this.#run(job);
      } finally {
        this.#active.delete(key);
      }
    });
  }

  get size(): number {
    return this.#queue.size + this.#queue.pending;
  }

  /** Resolves when every queued job has finished (tests and graceful shutdown). */
  onIdle(): Promise<void> {
    return this.#queue.onIdle();
  }
}
