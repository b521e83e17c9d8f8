import type { PoolClient } from "pg";
import type { AcceptancePlan } from "./decide-acceptance.ts";
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
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO jobs (delivery_id, installation_id, owner, repo, pull_number, pr_key, head_sha, head_seen_at,
       trigger, requested_by, comment_id, state, merged_into, available_at, outcome, last_error, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14, $14) RETURNING id`,
    [
      deliveryId,
      request.installationId,
      request.owner,
      request.repo,
      request.pullNumber,
      prKey,
      request.headSha,
      request.headSeenAt,
      request.trigger,
      request.requestedBy?.login ?? null,
      request.requestedBy?.commentId ?? null,
      insert.state,
      insert.mergedInto,
      now,
      insert.state === "done" ? "merged" : null,
      insert.note,
    ],
  );
  return Number(rows[0]?.id);
}
