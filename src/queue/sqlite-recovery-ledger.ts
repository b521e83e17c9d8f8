import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { RecoveryLedger } from "./recovery-ledger.ts";

/** The recovery ledger beside the SQLite job store: one process per DATA_DIR, so no lock is needed. */
export class SqliteRecoveryLedger implements RecoveryLedger {
  readonly #handledOne: StatementSync;
  readonly #mark: StatementSync;

  constructor(db: DatabaseSync) {
    this.#handledOne = db.prepare(
      "SELECT 1 AS hit FROM deliveries WHERE id = ? UNION ALL SELECT 1 FROM redeliveries WHERE guid = ?",
    );
    this.#mark = db.prepare(
      "INSERT INTO redeliveries (guid, event, redelivered_at) VALUES (?, ?, ?) ON CONFLICT (guid) DO NOTHING",
    );
  }

  async exclusively<T>(_name: string, work: () => Promise<T>): Promise<T | undefined> {
    // One process per DATA_DIR: nobody to exclude.
    return work();
  }

  async handled(guids: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const guid of guids) {
      if (this.#handledOne.get(guid, guid)) known.add(guid);
    }
    return known;
  }

  async markRedelivered(guid: string, event: string, now: number): Promise<boolean> {
    return Number(this.#mark.run(guid, event, now).changes) === 1;
  }
}
