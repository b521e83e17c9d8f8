import { describe, expect, it } from "vitest";
import { readStoreSettings } from "../../src/settings/read-store-settings.ts";
import { readRecoverySettings } from "../../src/settings/recovery-settings.ts";

describe("readStoreSettings", () => {
  it("keeps the embedded SQLite store unless DATABASE_URL is set", () => {
    expect(readStoreSettings({})).toEqual({ databaseUrl: null, poolSize: 10, leaseMs: 15_000 });
    expect(readStoreSettings({ DATABASE_URL: "postgresql://u:p@db:5432/x", QUEUE_LEASE_MS: "5000" })).toEqual(
      {
        databaseUrl: "postgresql://u:p@db:5432/x",
        poolSize: 10,
        leaseMs: 5_000,
      },
    );
  });

  it("says what a DATABASE_URL must look like, without echoing its password", () => {
    const attempt = () => readStoreSettings({ DATABASE_URL: "mysql://root:hunter2@db/x" });
    expect(attempt).toThrow(
      /DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/.*Unset it to use the embedded SQLite store/,
    );
    expect(attempt).not.toThrow(/hunter2/);
  });

  it("refuses leases too short to renew and pools too small for the recovery lock", () => {
    expect(() => readStoreSettings({ QUEUE_LEASE_MS: "1000" })).toThrow(
      /QUEUE_LEASE_MS must be a whole number of at least 3000/,
    );
    expect(() => readStoreSettings({ DATABASE_POOL_SIZE: "1" })).toThrow(
      /DATABASE_POOL_SIZE must be a whole number of at least 2/,
    );
  });
});

describe("readRecoverySettings", () => {
  it("runs every five minutes over six hours by default; 0 turns it off", () => {
    expect(readRecoverySettings({})).toEqual({
      intervalMs: 300_000,
      windowMs: 360 * 60_000,
      maxDeliveries: 500,
      maxRedeliveries: 50,
      maxPulls: 100,
    });
    expect(readRecoverySettings({ RECOVERY_INTERVAL_MS: "0" })).toMatchObject({ intervalMs: 0 });
  });
});
