import type { Logger } from "probot";
import { hasTriageCheck } from "../../github/has-triage-check.ts";
import { listHookDeliveries } from "../../github/list-hook-deliveries.ts";
import { listOpenPulls } from "../../github/list-open-pulls.ts";
import type { Octokit } from "../../github/octokit.ts";
import type { Enqueue } from "../../queue/job-store.ts";
import type { RecoveryLedger } from "../../queue/recovery-ledger.ts";
import type { RecoverySettings } from "../../settings/recovery-settings.ts";
import { selectRedeliveries } from "./select-redeliveries.ts";

export interface RecoveryDeps {
  /** The app-authenticated (JWT) client: Probot's `app.auth()`. */
  appOctokit: () => Promise<Octokit>;
  installationOctokit: (installationId: number) => Promise<Octokit>;
  ledger: RecoveryLedger;
  enqueue: Enqueue;
  settings: Omit<RecoverySettings, "intervalMs">;
  log: Logger;
  now?: () => number;
}

/** What one run did, for `/healthz` and the logs. */
export interface RecoveryReport {
  at: string;
  /** False when another replica held the lock: this one did nothing. */
  ranHere: boolean;
  /** Delivery attempts listed, and the guids redelivered (or that GitHub refused to redeliver). */
  listed: number;
  redelivered: string[];
  redeliveryErrors: number;
  /** Open PRs looked at, and those enqueued because their head had no triage. */
  reconciled: { looked: number; enqueued: number };
}

/**
 * GitHub never redelivers on its own. Once per interval, one replica (under the ledger's lock)
 * asks it to redeliver the deliveries that failed while no replica answered, and enqueues the
 * open, ready PRs whose head has no triage at all. Both are bounded by time window and count.
 */
export async function recoverMissedDeliveries(deps: RecoveryDeps): Promise<RecoveryReport> {
  const now = deps.now ?? Date.now;
  const at = new Date(now()).toISOString();
  const report = await deps.ledger.exclusively("missed-deliveries", async () => {
    const app = await deps.appOctokit();
    const since = now() - deps.settings.windowMs;
    const attempts = await listHookDeliveries(app, { since, max: deps.settings.maxDeliveries });
    const handled = await deps.ledger.handled([...new Set(attempts.map((a) => a.guid))]);
    const redelivered: string[] = [];
    let redeliveryErrors = 0;
    for (const delivery of selectRedeliveries(attempts, handled, deps.settings.maxRedeliveries)) {
      try {
        await app.rest.apps.redeliverWebhookDelivery({ delivery_id: delivery.id });
        // Recorded after the request: a crash in between redelivers once more, which the store dedupes.
        await deps.ledger.markRedelivered(delivery.guid, delivery.event, now());
        redelivered.push(delivery.guid);
      } catch (error) {
        redeliveryErrors++;
        deps.log.warn({ guid: delivery.guid, err: error }, "GitHub refused to redeliver a failed delivery");
      }
    }
    const reconciled = await reconcile(deps, app, since);
    return { at, ranHere: true, listed: attempts.length, redelivered, redeliveryErrors, reconciled };
  });
  const result = report ?? {
    at,
    ranHere: false,
    listed: 0,
    redelivered: [],
    redeliveryErrors: 0,
    reconciled: { looked: 0, enqueued: 0 },
  };
  deps.log.info(
    { ...result, redelivered: result.redelivered.length },
    result.ranHere
      ? "missed-delivery recovery finished"
      : "missed-delivery recovery skipped: another replica runs it",
  );
  return result;
}

async function reconcile(
  deps: RecoveryDeps,
  app: Octokit,
  since: number,
): Promise<RecoveryReport["reconciled"]> {
  const pulls = await listOpenPulls(app, deps.installationOctokit, { since, max: deps.settings.maxPulls });
  let enqueued = 0;
  for (const pull of pulls) {
    if (pull.draft) continue;
    // One synthetic delivery per head: a later run sees it as handled and asks GitHub nothing.
    const id = `reconcile:${pull.owner}/${pull.repo}#${pull.pullNumber}@${pull.headSha}`;
    if ((await deps.ledger.handled([id])).size > 0) continue;
    const octokit = await deps.installationOctokit(pull.installationId);
    if (await hasTriageCheck(octokit, pull, pull.headSha)) continue;
    const result = await deps.enqueue({ id, event: "reconcile.open_pull" }, [
      {
        installationId: pull.installationId,
        owner: pull.owner,
        repo: pull.repo,
        pullNumber: pull.pullNumber,
        headSha: pull.headSha,
        headSeenAt: pull.updatedAt,
        trigger: "pull_request",
        requestedBy: null,
      },
    ]);
    if (result.kind === "accepted" && result.jobs.some((job) => job.status === "queued")) {
      enqueued++;
      deps.log.info(
        { repo: `${pull.owner}/${pull.repo}`, pr: pull.pullNumber, head: pull.headSha },
        "enqueued an open PR with no triage",
      );
    }
  }
  return { looked: pulls.length, enqueued };
}
