/** Which job store runs, and how. Read from the app's environment. */
export interface StoreSettings {
  /** `DATABASE_URL`: PostgreSQL, shared by several replicas; null keeps the embedded SQLite store. */
  databaseUrl: string | null;
  /** `DATABASE_POOL_SIZE`: pooled connections per process. */
  poolSize: number;
  /** `QUEUE_LEASE_MS`: a crashed process's running jobs are taken over this long after its last renewal. */
  leaseMs: number;
}
