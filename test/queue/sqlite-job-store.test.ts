import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteJobStore, type SqliteJobStore } from "../../src/queue/sqlite-job-store.ts";
import { jobStoreContract, request, T0 } from "./job-store.contract.ts";

let contractDir = "";
jobStoreContract("SqliteJobStore", {
  shared: false,
  setUp: async () => {},
  reset: async () => {
    if (contractDir) rmSync(contractDir, { recursive: true, force: true });
    contractDir = mkdtempSync(join(tmpdir(), "pr-triage-contract-"));
  },
  open: async (leaseMs) => {
    const store = openSqliteJobStore(contractDir, leaseMs);
    return { store, ledger: store.ledger };
  },
  tearDown: async () => {
    rmSync(contractDir, { recursive: true, force: true });
  },
});

describe("SqliteJobStore", () => {
  let dataDir: string;
  let store: SqliteJobStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pr-triage-store-"));
    store = openSqliteJobStore(dataDir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("folds the write-ahead log into the database file when asked, not on the ack path", async () => {
    for (let i = 0; i < 50; i++)
      await store.accept({ id: `d${i}`, event: "s" }, [request({ pullNumber: i })], T0);
    const copy = join(dataDir, "copy");
    mkdirSync(copy);
    copyFileSync(join(dataDir, "pr-triage.sqlite"), join(copy, "pr-triage.sqlite"));
    const before = openSqliteJobStore(copy);
    expect(await before.stats(T0)).toMatchObject({ queued: 0 });
    await before.close();

    await store.housekeep();
    copyFileSync(join(dataDir, "pr-triage.sqlite"), join(copy, "pr-triage.sqlite"));
    rmSync(join(copy, "pr-triage.sqlite-wal"), { force: true });
    const after = openSqliteJobStore(copy);
    expect(await after.stats(T0)).toMatchObject({ queued: 50 });
    await after.close();
  });

  it("upgrades a version-1 database in place, keeping its jobs", async () => {
    await store.close();
    const legacyDir = join(dataDir, "legacy");
    mkdirSync(legacyDir);
    const db = new DatabaseSync(join(legacyDir, "pr-triage.sqlite"));
    db.exec(`CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id TEXT NOT NULL,
      installation_id INTEGER NOT NULL, owner TEXT NOT NULL, repo TEXT NOT NULL, pull_number INTEGER NOT NULL,
      pr_key TEXT NOT NULL, head_sha TEXT, head_seen_at TEXT, trigger TEXT NOT NULL, requested_by TEXT,
      comment_id INTEGER, state TEXT NOT NULL, superseded INTEGER NOT NULL DEFAULT 0, merged_into INTEGER,
      attempts INTEGER NOT NULL DEFAULT 0, available_at INTEGER NOT NULL, check_run_id INTEGER, outcome TEXT,
      last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      INSERT INTO jobs (delivery_id, installation_id, owner, repo, pull_number, pr_key, head_sha, trigger, state,
        available_at, created_at, updated_at) VALUES ('d1', 1, 'octo', 'app', 7, 'octo/app#7', 'aaa', 'pull_request',
        'running', 0, 0, 0);
      PRAGMA user_version = 1;`);
    db.close();
    store = openSqliteJobStore(legacyDir);
    expect(await store.recover(T0)).toBe(1);
    expect(await store.claim(T0)).toMatchObject({ id: 1, headSha: "aaa", attempts: 1 });
  });

  it("explains how to fix a DATA_DIR it cannot use", () => {
    const notADirectory = join(dataDir, "a-file");
    writeFileSync(notADirectory, "");
    expect(() => openSqliteJobStore(join(notADirectory, "data"))).toThrow(
      /Cannot open the job store at .*Set DATA_DIR to a writable directory/,
    );
  });
});
