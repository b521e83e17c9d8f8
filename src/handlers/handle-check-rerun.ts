import type { Context } from "probot";
import { CHECK_NAME } from "../github/publish-check-run.ts";
import type { TriageQueue } from "../queue/triage-queue.ts";

/** "Re-run" on our check in the Checks UI re-runs the triage for that PR. */
export async function handleCheckRerun(
  context: Context<"check_run.rerequested">,
  queue: TriageQueue,
): Promise<void> {
  const { check_run: run, repository, installation } = context.payload;
  if (run.name !== CHECK_NAME || !installation) return;
  for (const pr of run.pull_requests) {
    queue.enqueue({
      deliveryId: context.id,
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pr.number,
      headSha: run.head_sha,
      trigger: "check_rerun",
    });
  }
  context.log.info(
    { delivery: context.id, prs: run.pull_requests.map((p) => p.number) },
    "check re-run accepted",
  );
}
