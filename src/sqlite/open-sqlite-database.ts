import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { errorMessage } from "../errors/error-message.ts";

export interface SqliteFile<T> {
  /** The file in `dir` (created with its folder if needed). */
  dir: string;
  fileName: string;
  /** What it holds, for the error: "the job store". */
  what: string;
  /** The fix a human can apply when it cannot be opened. */
  fix: string;
  /**
   * No automatic checkpoints: one fsyncs on the event loop, inside whichever ack triggers it;
   * the owner then checkpoints itself while no webhook is arriving.
   */
  manualCheckpoints: boolean;
  /** Schema and first use; a throw here is reported like a failure to open. */
  init: (db: DatabaseSync, path: string) => T;
}

/**
 * Opens one of the app's SQLite files in WAL mode with NORMAL sync (a commit reaches the OS
 * without an fsync, so it survives kill -9) and a busy timeout, and says what to fix when it fails.
 */
export function openSqliteDatabase<T>(file: SqliteFile<T>): T {
  const path = resolve(join(file.dir, file.fileName));
  try {
    mkdirSync(file.dir, { recursive: true });
    const db = new DatabaseSync(path);
    db.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;${file.manualCheckpoints ? " PRAGMA wal_autocheckpoint = 0;" : ""}`,
    );
    return file.init(db, path);
  } catch (error) {
    throw new Error(`Cannot open ${file.what} at ${path}: ${errorMessage(error)}. ${file.fix}`);
  }
}
