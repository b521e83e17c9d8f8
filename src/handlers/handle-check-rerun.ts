import type { Context } from "probot";
import { CHECK_NAME } from "../github/start-check-run.ts";
import type { Enqueue } from "../queue/job-store.ts";

/** "Re-run" on our check in the Checks UI re-runs the triage for that PR. */
export async function handleCheckRerun(
  context: Context<"check_run.rerequested">,
  enqueue: Enqueue,
): Promise<void> {
  const { check_run: run, repository, installation } = context.payload;
  if (run.name !== CHECK_NAME || !installation || run.pull_requests.length === 0) return;
  const result = await enqueue(
    { id: context.id, event: "check_run.rerequested" },
    run.pull_requests.map((pr) => ({
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pr.number,
      headSha: run.head_sha,
      headSeenAt: null,
      trigger: "check_rerun" as const,
      requestedBy: null,
    })),
  );
  context.log.info(
    {
      delivery: context.id,
      installation: installation.id,
      repo: repository.full_name,
      prs: run.pull_requests.map((p) => p.number),
      head: run.head_sha,
      result,
    },
    "check re-run recorded",
  );
}
