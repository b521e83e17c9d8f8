/** How a triage attempt ended once it reached the PR: posted, or skipped and why. */
export type PullRequestOutcome =
  | "triaged"
  | "skipped-stale"
  | "skipped-draft"
  | "skipped-closed"
  | "disabled";

/** How a `/triage` comment ended without a triage: not ours, refused, answered, or nothing to ignore. */
export type CommandOutcome = "not-a-command" | "denied" | "answered-help" | "ignore-without-finding";

/** Every way one attempt of a triage job ends; the queue records it as the job's outcome. */
export type TriageOutcome = PullRequestOutcome | CommandOutcome;
