import { wholeNumber } from "./queue-settings.ts";

/** Which job store runs, and how. Read from the app's environment. */
export interface StoreSettings {
  /** `DATABASE_URL`: PostgreSQL, shared by several replicas; null keeps the embedded SQLite store. */
  databaseUrl: string | null;
  /** `DATABASE_POOL_SIZE`: pooled connections per process. */
  poolSize: number;
  /** `QUEUE_LEASE_MS`: a crashed process's running jobs are taken over this long after its last renewal. */
  leaseMs: number;
}

/** Reads `DATABASE_URL`, `DATABASE_POOL_SIZE` and `QUEUE_LEASE_MS`; throws on a bad value, saying how to fix it. */
export function readStoreSettings(env: NodeJS.ProcessEnv): StoreSettings {
  const raw = env.DATABASE_URL?.trim() || null;
  if (raw !== null && !/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error(
      `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database, got one starting "${raw.slice(0, 12)}". Unset it to use the embedded SQLite store in DATA_DIR.`,
    );
  }
  return {
    databaseUrl: raw,
    // At least 2: the recovery holds one connection for its lock while it works on another.
    poolSize: wholeNumber(env, "DATABASE_POOL_SIZE", 10, 2),
    leaseMs: wholeNumber(env, "QUEUE_LEASE_MS", 15_000, 3_000),
  };
}
