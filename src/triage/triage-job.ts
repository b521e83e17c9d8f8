/** Everything a queued triage needs; the rest is re-read from GitHub when the job runs. */
export interface TriageJob {
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head SHA the event was about; a job for an older head is skipped, never posted. */
  headSha: string;
  /**
   * Why the triage runs: a PR event, a `/triage` command, a check re-run, or another command
   * (`/triage ignore …`, `/triage help`) in a PR comment or an inline review comment, whose text
   * the job re-reads from GitHub.
   */
  trigger: "pull_request" | "command" | "check_rerun" | "comment_command" | "review_comment_command";
}

export function jobKey(job: Pick<TriageJob, "owner" | "repo" | "pullNumber">): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`;
}
