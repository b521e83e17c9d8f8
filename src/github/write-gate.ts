/** Where an installation's content-creating requests wait their turn: in-process, or shared through PostgreSQL. */
export interface WriteGate {
  /** Resolves when one more write for this installation stays under the limits, and counts it. */
  acquire(installationId: number): Promise<void>;
  /** GitHub answered a rate limit: hold this installation's writes until `until` (never throws). */
  pause(installationId: number, until: number): void;
}
