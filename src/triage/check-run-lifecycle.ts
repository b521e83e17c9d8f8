import { type CheckConclusion, completeCheckRun } from "../github/complete-check-run.ts";
import type { Octokit, RepoRef } from "../github/octokit.ts";
import { startCheckRun } from "../github/start-check-run.ts";
import type { CheckAnnotation } from "../render/render-annotations.ts";
import type { PullRequestOutcome } from "./triage-outcome.ts";

/** What the durable queue knows of a job's check: the id an earlier attempt opened, and where to record one. */
export interface KnownCheckRun {
  id: number | null;
  /** Called once the check is open; the queue records the id before anything else happens. */
  opened: (id: number) => Promise<void>;
}

/** A check summary is capped at 65,535 characters; a failure reason never needs that much. */
const MAX_REASON_CHARS = 2_000;

/**
 * The whole life of one job's "PR Triage" check run, in one place: opened (or reused, so
 * retries never stack checks), then completed with the triage, or closed as superseded, skipped
 * or failed. A check must never be left "in progress": every way a job ends has its closing here.
 */
export class CheckRunLifecycle {
  readonly #octokit: Octokit;
  readonly #repo: RepoRef;
  readonly #known: KnownCheckRun;
  #id: number | null;

  constructor(octokit: Octokit, repo: RepoRef, known: KnownCheckRun) {
    this.#octokit = octokit;
    this.#repo = repo;
    this.#known = known;
    this.#id = known.id;
  }

  /** Reuses the check an earlier attempt opened, or opens one at `headSha`; the queue records it. */
  async open(headSha: string): Promise<void> {
    this.#id ??= await startCheckRun(this.#octokit, this.#repo, headSha);
    await this.#known.opened(this.#id);
  }

  /** The triage's own ending: its conclusion, output and annotations. */
  async complete(
    conclusion: CheckConclusion,
    output: { title: string; summary: string },
    annotations: readonly CheckAnnotation[] = [],
  ): Promise<void> {
    await this.#close(conclusion, output, annotations);
  }

  /** A newer push is being triaged instead; `newerSha` when this attempt saw it. */
  async supersede(newerSha?: string): Promise<void> {
    await this.#close("neutral", {
      title: "Superseded by a newer push",
      summary: newerSha
        ? `A newer commit (${newerSha.slice(0, 7)}) is being triaged instead.`
        : "A newer commit is being triaged instead; nothing was posted for this one.",
    });
  }

  /**
   * This attempt stopped before reaching the check (PR closed, head moved on, triage disabled),
   * yet an earlier attempt had opened it: close it, or it would stay "in progress" for good.
   */
  async skip(outcome: PullRequestOutcome): Promise<void> {
    await this.#close("neutral", {
      title: "Triage skipped",
      summary: `PR Triage stopped before finishing (${outcome}); nothing was posted for this commit.`,
    });
  }

  /** The queue gave up on the job: say so, and how to try again. */
  async fail(attempts: number, reason: string): Promise<void> {
    await this.#close("failure", {
      title: "Triage failed: needs human review",
      summary: [
        `PR Triage could not finish after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${reason.slice(0, MAX_REASON_CHARS)}`,
        "",
        "Review this change by hand. To try again, push a commit, comment `/triage`, or use **Re-run** on this check.",
      ].join("\n"),
    });
  }

  async #close(
    conclusion: CheckConclusion,
    output: { title: string; summary: string },
    annotations: readonly CheckAnnotation[] = [],
  ): Promise<void> {
    // No check was ever opened for this job: there is nothing to leave stuck.
    if (this.#id === null) return;
    await completeCheckRun(this.#octokit, this.#repo, this.#id, conclusion, output, annotations);
  }
}
