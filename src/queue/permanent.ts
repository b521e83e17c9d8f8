/**
 * Thrown (or handed to `decideRetry`) when an attempt failed in a way that would repeat: a
 * missing resource, a refused permission, an invalid request. The job ends now, with `message`
 * as the reason a human reads.
 */
export class Permanent extends Error {
  override readonly name = "Permanent";

  constructor(reason: string, options: { cause?: unknown } = {}) {
    super(reason, { cause: options.cause });
  }
}
