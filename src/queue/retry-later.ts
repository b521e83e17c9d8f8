/**
 * Thrown (or handed to `decideRetry`) when an attempt failed for a reason that passes: a service
 * down or overloaded, a rate limit, a timeout. The job runs again, after `until` when the service
 * named a time, else after the queue's backoff.
 */
export class RetryLater extends Error {
  override readonly name = "RetryLater";
  /** When the service said it will accept the request again (epoch ms); undefined: use the backoff. */
  readonly until: number | undefined;

  constructor(reason: string, options: { until?: number; cause?: unknown } = {}) {
    super(reason, { cause: options.cause });
    this.until = options.until;
  }
}
