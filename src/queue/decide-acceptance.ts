import type { AcceptedJob, JobRequest, JobState } from "./job-store.ts";

/** What the acceptance rules need to know about one of the PR's existing jobs. */
export interface PrJobView {
  id: number;
  headSha: string | null;
  headSeenAt: string | null;
  state: JobState;
  superseded: boolean;
  mergedInto: number | null;
  outcome: string | null;
  checkRunId: number | null;
}

/** How a store records one request: the row to insert, and what it does to older work. */
export interface AcceptancePlan {
  status: AcceptedJob["status"];
  insert: {
    state: Extract<JobState, "queued" | "done" | "superseded">;
    mergedInto: number | null;
    note: string | null;
  };
  /** Queued older-head jobs that never opened a check run: they end now, as superseded. */
  end: number[];
  /**
   * Older-head jobs that opened a check run or are running: flagged superseded and made due now,
   * because they must still close what they opened.
   */
  flag: number[];
}

const queued = (): AcceptancePlan => ({
  status: "queued",
  insert: { state: "queued", mergedInto: null, note: null },
  end: [],
  flag: [],
});

/**
 * The acceptance rules, shared by every store so that none of them is written twice in SQL:
 * same head as pending or triaged work → merged; older than a known different head → stale;
 * otherwise queued, superseding queued or running work for older heads. `prJobs` are all the
 * PR's jobs, oldest first; the store must hold the PR's lock while it reads and applies.
 */
export function decideAcceptance(request: JobRequest, prJobs: readonly PrJobView[]): AcceptancePlan {
  if (request.headSha === null) return queued();

  // Same head as the PR's latest work, still pending or already triaged: nothing new to do.
  // An explicit request (/triage, Re-run) joins only work that has not started yet.
  const latest = prJobs.findLast(
    (job) => job.mergedInto === null && !job.superseded && job.state !== "superseded",
  );
  if (latest && latest.headSha === request.headSha && joinable(request, latest)) {
    return {
      status: "merged",
      insert: { state: "done", mergedInto: latest.id, note: `merged into job ${latest.id}` },
      end: [],
      flag: [],
    };
  }
  const seenAt = request.headSeenAt;
  if (seenAt === null) return queued();

  // Out of order: GitHub already told us about a newer, different head.
  const newer = prJobs
    .filter((job) => job.headSha !== null && job.headSha !== request.headSha && later(job.headSeenAt, seenAt))
    .reduce<PrJobView | undefined>(
      (best, job) => (best && !later(job.headSeenAt, best.headSeenAt) ? best : job),
      undefined,
    );
  if (newer) {
    return {
      status: "stale",
      insert: {
        state: "superseded",
        mergedInto: null,
        note: `arrived after job ${newer.id}, which is for a newer head`,
      },
      end: [],
      flag: [],
    };
  }

  const older = prJobs.filter(
    (job) =>
      (job.state === "queued" || job.state === "running") &&
      !job.superseded &&
      job.headSha !== null &&
      job.headSha !== request.headSha &&
      job.headSeenAt !== null &&
      job.headSeenAt < seenAt,
  );
  return {
    ...queued(),
    end: older.filter((job) => job.state === "queued" && job.checkRunId === null).map((job) => job.id),
    flag: older.filter((job) => job.state === "running" || job.checkRunId !== null).map((job) => job.id),
  };
}

function joinable(request: JobRequest, latest: PrJobView): boolean {
  if (request.trigger !== "pull_request") return latest.state === "queued";
  return (
    latest.state === "queued" ||
    latest.state === "running" ||
    (latest.state === "done" && latest.outcome === "triaged")
  );
}

/** ISO timestamps order as strings; an unknown time orders before nothing. */
function later(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a > b;
}

/**
 * GitHub's "Redeliver" keeps the delivery id. It is a duplicate, unless everything it started
 * failed for good: then an operator is asking for another try, and gets one.
 */
export function decideRedelivery(states: readonly JobState[]): "duplicate" | "retry" {
  return states.length > 0 && states.every((state) => state === "failed") ? "retry" : "duplicate";
}
