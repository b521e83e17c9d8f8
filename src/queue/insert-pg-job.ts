import type { PoolClient } from "pg";
import type { AcceptancePlan } from "./decide-acceptance.ts";
import { JOB_INSERT_COLUMNS, jobInsertValues } from "./job-rows.ts";
import type { JobRequest } from "./job-store.ts";

/** Inserts the row an acceptance plan asks for, inside the caller's transaction; returns its id. */
export async function insertPgJob(
  client: PoolClient,
  deliveryId: string,
  prKey: string,
  request: JobRequest,
  insert: AcceptancePlan["insert"],
  now: number,
): Promise<number> {
  const values = jobInsertValues(deliveryId, prKey, request, insert, now);
  const placeholders = values.map((_, i) => `$${i + 1}`).join(", ");
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO jobs (${JOB_INSERT_COLUMNS}) VALUES (${placeholders}) RETURNING id`,
    values,
  );
  return Number(rows[0]?.id);
}
