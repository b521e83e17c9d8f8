import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

/** The server the PostgreSQL tests use; CI (`.ci/run`) has one at this address. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const available = await reachable(TEST_DATABASE_URL);
const required = process.env.CI === "true";
if (!available && !required) {
  console.log(
    `PostgreSQL tests skipped: no server at ${TEST_DATABASE_URL}. Run them with TEST_DATABASE_URL=postgres://user@host:5432/db npm test (CI=true makes them required).`,
  );
}

/**
 * `describe` for tests that need PostgreSQL: skipped (with one line saying how to run them) when
 * no server answers, except under CI, where they run and fail.
 */
export const describePg = available || required ? describe : describe.skip;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, so parallel runs and files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pr_triage_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${TEST_DATABASE_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        "Start a server there, or set TEST_DATABASE_URL to one where this user may CREATE DATABASE.",
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
