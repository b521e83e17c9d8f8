import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteAnalyticsStore } from "../../src/analytics/sqlite-analytics-store.ts";
import { analyticsStoreContract } from "./analytics-store.contract.ts";

let dir = "";
analyticsStoreContract("SqliteAnalyticsStore", {
  setUp: async () => {},
  reset: async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), "pr-triage-analytics-"));
  },
  open: async () => {
    const store = openSqliteAnalyticsStore(dir);
    return { store, close: async () => store.close() };
  },
  tearDown: async () => {
    rmSync(dir, { recursive: true, force: true });
  },
});
