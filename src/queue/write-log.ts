/**
 * Recent write times and a "hold until" per key, kept in the job store's database so that every
 * replica sees the same ones. The rule that reads them belongs to the caller (the GitHub pacer).
 */
export interface WriteLog {
  /**
   * Under a lock on `key`: forgets writes at or before `forgetUpTo`, asks `decide` with the rest
   * (oldest first) and the key's hold-until (0: none), and records a write at `now` when the
   * answer is 0 or less. Resolves with that answer.
   */
  reserve(
    key: number,
    now: number,
    forgetUpTo: number,
    decide: (writes: readonly number[], pausedUntil: number) => number,
  ): Promise<number>;
  /** Holds the key until `until`, never moving an existing hold earlier. */
  hold(key: number, until: number): Promise<void>;
}
