import type { JobTrigger } from "../queue/job-store.ts";

/** Everything a queued triage needs; the rest is re-read from GitHub when the job runs. */
export interface TriageJob {
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head SHA the event was about; a job for an older head is skipped, never posted. */
  headSha: string;
  /** Why the triage runs (see `JobTrigger`). */
  trigger: JobTrigger;
}
