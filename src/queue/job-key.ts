import type { JobRequest } from "./job-store.ts";

/**
 * The key a store serializes on (`pr_key`): jobs with one key never run at once, and the
 * acceptance rules compare a request only with the jobs of its key.
 */
export function jobKey(job: Pick<JobRequest, "owner" | "repo" | "pullNumber">): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`;
}
