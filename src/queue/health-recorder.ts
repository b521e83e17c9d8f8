/** How many jobs in a row may fail for good before the app reports itself degraded. */
const FAILURES_BEFORE_DEGRADED = 3;

export interface HealthReport {
  /** Empty when healthy; otherwise each reason, fit for an operator. */
  problems: string[];
  /** Installations whose token GitHub refused (uninstalled or suspended): their jobs fail, others run. */
  unavailableInstallations: { installationId: number; reason: string }[];
}

/**
 * What `/healthz` needs beyond the queue counts: whether jobs keep failing for good, whether one
 * has run past its lease, and whether GitHub tokens can be minted. A process that answers
 * webhooks but can finish no job must not look "ok" to its probes.
 */
export class HealthRecorder {
  #consecutiveFailures = 0;
  #lastFailure: string | null = null;
  #appAuthProblem: string | null = null;
  readonly #installations = new Map<number, string>();

  jobFailed(reason: string): void {
    this.#consecutiveFailures += 1;
    this.#lastFailure = reason;
  }

  jobSucceeded(): void {
    this.#consecutiveFailures = 0;
  }

  /** `status` 401 means the app's own key or id is wrong: no installation can work. */
  tokenFailed(installationId: number, status: number | undefined, reason: string): void {
    if (status === 404 || status === 403) this.#installations.set(installationId, reason);
    else this.#appAuthProblem = reason;
  }

  tokenMinted(installationId: number): void {
    this.#installations.delete(installationId);
    this.#appAuthProblem = null;
  }

  report(runningFor: readonly { id: number; ms: number }[], stuckAfterMs: number): HealthReport {
    const problems: string[] = [];
    if (this.#appAuthProblem) {
      problems.push(
        `GitHub installation tokens cannot be minted: ${this.#appAuthProblem}. Check APP_ID and the private key.`,
      );
    }
    if (this.#consecutiveFailures >= FAILURES_BEFORE_DEGRADED) {
      problems.push(
        `the last ${this.#consecutiveFailures} jobs failed for good; the last error: ${this.#lastFailure ?? "unknown"}`,
      );
    }
    for (const job of runningFor) {
      if (job.ms > stuckAfterMs) {
        problems.push(
          `job ${job.id} has been running for ${Math.round(job.ms / 1000)} s, longer than the ${Math.round(stuckAfterMs / 1000)} s a triage may take`,
        );
      }
    }
    return {
      problems,
      unavailableInstallations: [...this.#installations].map(([installationId, reason]) => ({
        installationId,
        reason,
      })),
    };
  }
}
