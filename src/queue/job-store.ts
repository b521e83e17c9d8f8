/** One accepted webhook delivery. Its id (`X-GitHub-Delivery`) is what makes a redelivery a duplicate. */
export interface Delivery {
  id: string;
  /** `pull_request.synchronize`, `issue_comment.created`...: for logs and audits. */
  event: string;
}

/**
 * Why a job runs: a PR event, a `/triage` command, a check re-run, or another command
 * (`/triage ignore …`, `/triage help`) in a PR comment or an inline review comment, whose text
 * the job re-reads when it runs. The queue itself tells only `pull_request` (an event about a
 * head, which may join running or finished work) from the rest (explicit requests, which join
 * only work that has not started).
 */
export type JobTrigger =
  | "pull_request"
  | "command"
  | "check_rerun"
  | "comment_command"
  | "review_comment_command";

/** What a webhook handler records: enough to run the triage later, nothing secret. */
export interface JobRequest {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head SHA the event was about; null for `/triage`, which triages the live head when it runs. */
  headSha: string | null;
  /**
   * The PR's `updated_at` as the event saw it. Deliveries arrive out of order, and this is the
   * only ordering evidence they carry: a request older than a known different head is stale.
   */
  headSeenAt: string | null;
  trigger: JobTrigger;
  /** For `/triage`: who asked. Their write access is checked when the job runs, not in the ack path. */
  requestedBy: { login: string; commentId: number } | null;
}

/**
 * `queued` → `running` → `done` | `failed`, or back to `queued` to retry later.
 * `superseded`: a newer head made the job pointless before it could publish.
 */
export type JobState = "queued" | "running" | "done" | "failed" | "superseded";

export interface StoredJob extends JobRequest {
  id: number;
  deliveryId: string;
  state: JobState;
  /** Attempts started so far, counting the current one: a crash mid-attempt still used it up. */
  attempts: number;
  /** A newer head arrived: the job must not run the triage, only close what it opened. */
  superseded: boolean;
  /** The check run an attempt opened; later attempts reuse it rather than stacking checks. */
  checkRunId: number | null;
  /** Why the last attempt failed, or why the job ended. */
  lastError: string | null;
  outcome: string | null;
}

/** What became of one request: run, merged into equivalent work, or too old to matter. */
export interface AcceptedJob {
  id: number;
  status: "queued" | "merged" | "stale";
  /** Ids of older-head jobs for the same PR that this request made pointless. */
  supersedes: number[];
}

export type AcceptResult =
  /** The delivery id was seen before: nothing was added. */
  | { kind: "duplicate" }
  /** A redelivery of a delivery whose jobs had all failed: they run again from attempt 1. */
  | { kind: "retried"; jobIds: number[] }
  | { kind: "accepted"; jobs: AcceptedJob[] };

export interface QueueStats {
  /** Waiting to run, including those waiting out a retry delay. */
  queued: number;
  running: number;
  /** Queued after a failed attempt. */
  retrying: number;
  failed: number;
}

export type FinalState = Extract<JobState, "done" | "failed" | "superseded">;

/** What `/healthz` shows about the store. */
export interface StoreHealth {
  kind: "sqlite" | "postgres";
  /** False while migrations run: readiness fails until deliveries can be recorded. */
  ready: boolean;
  /** This process's leases: who it is, how long a lease lasts, how many running jobs it holds. */
  lease: { owner: string; ms: number; held: number };
  /** Jobs running under another owner's lease, and how many of those have expired (a crashed replica). */
  elsewhere: { running: number; expired: number };
}

/**
 * Durable job storage: SQLite is the embedded default (one process per DATA_DIR), PostgreSQL
 * the shared store for several replicas. A store is only the persistence and the locking; every
 * decision is a pure function it calls, so a new store (another database) implements this
 * interface without re-writing any rule in its own dialect:
 *
 * - `accept` records the delivery and its requests in one transaction, durable before it resolves
 *   (the webhook is acked then). A delivery id seen before: `decideRedelivery` over its jobs'
 *   states says `duplicate` (add nothing) or `retry` (requeue those jobs from attempt 1). Else, per
 *   request, under a lock on its `jobKey` held across the read and the writes: read the key's jobs
 *   oldest first as `PrJobView`s (`toPrJobView`), ask `decideAcceptance`, and carry out its plan
 *   (insert the row it describes, with `jobInsertValues`; end the `end` ids as superseded; flag the
 *   `flag` ids superseded and due now). Lock several keys in sorted order, or two accepts deadlock.
 * - `claim` hands out the queued job due first (then the lowest id) whose key has no running job,
 *   marks it running under this process's lease (`leaseMs`) and counts the attempt. At most one job per
 *   key may run, whichever process claims (PostgreSQL: a partial unique index enforces it).
 * - `finish`, `retryAt` and `release` change a running job only for its lease owner, so a
 *   replica that lost a job's lease cannot overwrite what the new owner records.
 * - `renew` extends the leases of the running jobs this process holds; `recover` requeues running
 *   jobs whose owner is gone.
 * - Nothing is deleted before it reaches a final state, and then only by `prune`, long after.
 *
 * Rows map to `StoredJob` with `toStoredJob`. test/queue/job-store.contract.ts is the executable
 * contract: a new store passes it as both existing ones do.
 */
export interface JobStore {
  /** How long a claimed job stays this process's without a `renew`. */
  readonly leaseMs: number;
  accept(delivery: Delivery, requests: readonly JobRequest[], now: number): Promise<AcceptResult>;
  /** Marks the next runnable job running and returns it; undefined when none is due. */
  claim(now: number): Promise<StoredJob | undefined>;
  get(id: number): Promise<StoredJob | undefined>;
  recordCheckRun(id: number, checkRunId: number, now: number): Promise<void>;
  finish(id: number, state: FinalState, note: string, now: number): Promise<void>;
  retryAt(id: number, availableAt: number, reason: string, now: number): Promise<void>;
  /** Gives a running job back without using up its attempt (graceful shutdown). */
  release(id: number, now: number): Promise<void>;
  /** Extends this process's lease on these running jobs; returns how many it still held. */
  renew(ids: readonly number[], now: number): Promise<number>;
  /**
   * Requeues jobs whose owner is gone; returns how many. SQLite: every job not running under this
   * process (one process per DATA_DIR). PostgreSQL: jobs whose lease expired before `now`.
   */
  recover(now: number): Promise<number>;
  /** When the earliest job `claim` could hand out becomes due (a PR's running job blocks its others). */
  nextDueAt(): Promise<number | undefined>;
  stats(now: number): Promise<QueueStats>;
  /** Deletes finished jobs and deliveries older than `before`; returns how many jobs went. */
  prune(before: number): Promise<number>;
  /** Upkeep that would slow an ack, done when no delivery is arriving (SQLite: a WAL checkpoint). */
  housekeep(): Promise<void>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** What handlers call: record the delivery, then let the worker know. */
export type Enqueue = (delivery: Delivery, requests: readonly JobRequest[]) => Promise<AcceptResult>;
