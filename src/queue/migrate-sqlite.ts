import type { DatabaseSync } from "node:sqlite";
import { jobsTableColumns } from "./jobs-table-columns.ts";

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  received_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS jobs (
  ${jobsTableColumns("sqlite")}
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, available_at, id);
CREATE INDEX IF NOT EXISTS jobs_by_pr ON jobs (pr_key, id);
CREATE INDEX IF NOT EXISTS jobs_by_delivery ON jobs (delivery_id);
CREATE TABLE IF NOT EXISTS redeliveries (
  guid TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  redelivered_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** Version 1 had no leases and no redelivery log; CREATE TABLE IF NOT EXISTS adds the log. */
const UPGRADE_FROM_1 =
  "ALTER TABLE jobs ADD COLUMN lease_owner TEXT; ALTER TABLE jobs ADD COLUMN lease_until INTEGER;";

/** Brings the schema up to date (`PRAGMA user_version`); a database newer than this code is refused. */
export function migrateSqlite(db: DatabaseSync, path: string): void {
  const { user_version: version } = db.prepare("PRAGMA user_version").get() as { user_version: number };
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${path} has schema version ${version}, but this pr-triage knows only up to ${SCHEMA_VERSION}; run the newer pr-triage, or point DATA_DIR elsewhere`,
    );
  }
  if (version === 1) db.exec(UPGRADE_FROM_1);
  db.exec(SCHEMA);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}
