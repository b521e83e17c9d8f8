import { type FileHandle, open } from "node:fs/promises";

/**
 * Makes a SQLite database's commits durable by fsyncing its write-ahead log off the event loop
 * (node:sqlite's own fsync would block every other request). Group commit: one fsync covers every
 * commit made before it started, so under a burst the acks share a few fsyncs; a commit made while
 * one runs waits for the next.
 */
export class WalSync {
  readonly #walPath: string;
  #wal: FileHandle | undefined;
  #syncing: Promise<void> | undefined;
  #nextSync: Promise<void> | undefined;

  /** `databasePath`: the database file; its write-ahead log sits beside it. */
  constructor(databasePath: string) {
    this.#walPath = `${databasePath}-wal`;
  }

  /** Resolves once every commit made before the call is on disk. */
  sync(): Promise<void> {
    if (!this.#syncing) {
      this.#syncing = this.#fsync().finally(() => {
        this.#syncing = undefined;
      });
      return this.#syncing;
    }
    this.#nextSync ??= this.#syncing.then(() => {
      this.#nextSync = undefined;
      return this.sync();
    });
    return this.#nextSync;
  }

  /** Waits for the fsyncs under way, then lets go of the log. */
  async close(): Promise<void> {
    await this.#syncing;
    await this.#nextSync;
    await this.#wal?.close();
    this.#wal = undefined;
  }

  async #fsync(): Promise<void> {
    // fsync acts on the file, whichever descriptor wrote it; SQLite keeps the WAL while it is open.
    this.#wal ??= await open(this.#walPath, "r+");
    await this.#wal.datasync();
  }
}
