import type { Logger } from "probot";
import type { StoredJob } from "./job-store.ts";

/** Why a job ends without running to completion; its runner closes what it left open. */
export type JobEnding = { kind: "failed"; reason: string } | { kind: "superseded" };

/** What the worker runs a job with: the owner of the job's meaning (the triage) implements it. */
export interface JobRunner {
  /** One attempt. Resolves with the outcome (`triaged`, `skipped-stale`...); throws to fail the attempt. */
  run(job: StoredJob, log: Logger): Promise<string>;
  close(job: StoredJob, ending: JobEnding, log: Logger): Promise<void>;
}
