import type { DatabaseSync } from "node:sqlite";

/**
 * Runs `work` in one transaction; rolls back and rethrows on error. IMMEDIATE takes the write
 * lock up front, so two writers never interleave read-then-write.
 */
export function withSqliteTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
