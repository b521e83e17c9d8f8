import type { Context } from "probot";

/** The installation-authenticated client Probot hands to handlers. */
export type Octokit = Context["octokit"];

/** The repository a job writes to. It comes from the webhook, never from model output. */
export interface RepoRef {
  owner: string;
  repo: string;
}
