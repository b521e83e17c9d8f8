import type { Pool } from "pg";
import { jobsTableColumns } from "./jobs-table-columns.ts";

/** Advisory-lock namespaces (the first key of the two-key form), so locks never collide with an app's own. */
export const LOCK_NAMESPACE = {
  migrate: 0x7072_0001,
  pullRequest: 0x7072_0002,
  writeLog: 0x7072_0003,
  named: 0x7072_0004,
};

/**
 * The queue's own schema steps. Each entry upgrades the schema by one version; applied in order,
 * each in its own transaction. Steps of other stores sharing the database come after these.
 */
const QUEUE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE deliveries (
     id TEXT PRIMARY KEY,
     event TEXT NOT NULL,
     received_at BIGINT NOT NULL
   );
   CREATE TABLE jobs (
     ${jobsTableColumns("postgres")}
   );
   CREATE INDEX jobs_due ON jobs (state, available_at, id);
   CREATE INDEX jobs_by_pr ON jobs (pr_key, id);
   CREATE INDEX jobs_by_delivery ON jobs (delivery_id);
   -- The database itself refuses a second running job for one PR, whichever replica claims it.
   CREATE UNIQUE INDEX jobs_one_running_per_pr ON jobs (pr_key) WHERE state = 'running';
   CREATE TABLE redeliveries (
     guid TEXT PRIMARY KEY,
     event TEXT NOT NULL,
     redelivered_at BIGINT NOT NULL
   );
   CREATE TABLE write_log (
     installation_id BIGINT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX write_log_by_installation ON write_log (installation_id, at);
   CREATE TABLE write_pauses (
     installation_id BIGINT PRIMARY KEY,
     paused_until BIGINT NOT NULL
   );`,
];

/**
 * Brings the schema up to date. Replicas starting together take turns on an advisory lock, so
 * each migration runs once; a database newer than this code is refused rather than misread.
 * `later` are the steps of the stores that share the database (the app passes the analytics'):
 * they are numbered after the queue's own in one version sequence, so a step, once released,
 * never changes place and new ones only ever go at the end.
 */
export async function migratePg(
  pool: Pool,
  later: readonly string[] = [],
): Promise<{ from: number; to: number }> {
  const MIGRATIONS = [...QUEUE_MIGRATIONS, ...later];
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, 0)", [LOCK_NAMESPACE.migrate]);
    await client.query("CREATE TABLE IF NOT EXISTS pr_triage_schema (version INTEGER NOT NULL)");
    const found = await client.query<{ version: number }>("SELECT version FROM pr_triage_schema");
    const from = found.rows[0]?.version ?? 0;
    if (from > MIGRATIONS.length) {
      throw new Error(
        `the database has pr-triage schema version ${from}, but this pr-triage knows only up to ${MIGRATIONS.length}; run the newer pr-triage, or point DATABASE_URL at another database`,
      );
    }
    for (let version = from + 1; version <= MIGRATIONS.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(MIGRATIONS[version - 1] ?? "");
        await client.query("DELETE FROM pr_triage_schema");
        await client.query("INSERT INTO pr_triage_schema (version) VALUES ($1)", [version]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return { from, to: MIGRATIONS.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1, 0)", [LOCK_NAMESPACE.migrate]).catch(() => undefined);
    client.release();
  }
}
