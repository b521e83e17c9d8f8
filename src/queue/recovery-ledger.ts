/**
 * What the missed-delivery recovery keeps in the job store, so that replicas share it: a lock
 * (one replica recovers at a time) and the deliveries already redelivered (never twice).
 */
export interface RecoveryLedger {
  /** Runs `work` unless another replica holds the named lock; then resolves undefined at once. */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Of these delivery GUIDs, those already recorded as received or as redelivered. */
  handled(guids: readonly string[]): Promise<Set<string>>;
  /** Records a redelivery before it is asked for; false when it was recorded already. */
  markRedelivered(guid: string, event: string, now: number): Promise<boolean>;
}
