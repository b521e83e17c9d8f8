import { PG_ANALYTICS_MIGRATION } from "./analytics/pg-analytics-store.ts";
import { PgWritePacer } from "./github/pg-write-pacer.ts";
import type { WriteGate } from "./github/write-gate.ts";
import { WritePacer } from "./github/write-pacer.ts";
import type { JobStore } from "./queue/job-store.ts";
import { PgJobStore } from "./queue/pg-job-store.ts";
import { PgRecoveryLedger } from "./queue/pg-recovery-ledger.ts";
import type { RecoveryLedger } from "./queue/recovery-ledger.ts";
import { openSqliteJobStore } from "./queue/sqlite-job-store.ts";
import type { QueueSettings } from "./settings/queue-settings.ts";
import type { StoreSettings } from "./settings/store-settings.ts";

/** The store, and what lives beside it: the recovery ledger and the write pacing. */
export interface OpenedStore {
  store: JobStore;
  ledger: RecoveryLedger;
  pacer: WriteGate;
  /** Resolves once deliveries can be recorded (PostgreSQL: migrations done); rejects saying how to fix it. */
  ready: Promise<void>;
}

/** `DATABASE_URL` set: PostgreSQL, shared by every replica. Unset: SQLite in DATA_DIR, one process. */
export function openJobStore(
  queue: Pick<QueueSettings, "dataDir" | "writes">,
  settings: StoreSettings,
): OpenedStore {
  if (settings.databaseUrl === null) {
    const store = openSqliteJobStore(queue.dataDir, settings.leaseMs);
    return { store, ledger: store.ledger, pacer: new WritePacer(queue.writes), ready: Promise.resolve() };
  }
  const store = new PgJobStore({
    url: settings.databaseUrl,
    leaseMs: settings.leaseMs,
    poolSize: settings.poolSize,
    // The analytics live in the same database, in one schema version sequence with the jobs.
    migrations: [PG_ANALYTICS_MIGRATION],
  });
  return {
    store,
    ledger: new PgRecoveryLedger(store.pool, store.ready),
    pacer: new PgWritePacer(store.pool, store.ready, queue.writes),
    ready: store.ready,
  };
}
