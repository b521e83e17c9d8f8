/**
 * The lowest `x-ratelimit-remaining` GitHub reported per installation, from the responses the
 * triage jobs get anyway: no request is made to learn it.
 */
export class RateLimitGauge {
  readonly #remaining = new Map<number, number>();

  observe(installationId: number, header: string | number | undefined): void {
    const remaining = Number(header);
    if (header !== undefined && Number.isFinite(remaining)) this.#remaining.set(installationId, remaining);
  }

  entries(): [installationId: number, remaining: number][] {
    return [...this.#remaining.entries()];
  }
}
