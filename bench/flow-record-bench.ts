import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FlowPayload, flowFromWebhook } from "../src/analytics/flow-from-webhook.ts";
import { percentile } from "../src/analytics/percentile.ts";
import { openSqliteAnalyticsStore } from "../src/analytics/sqlite-analytics-store.ts";
import { openSqliteJobStore } from "../src/queue/sqlite-job-store.ts";
import { examplePayload } from "../test/helpers/webhook-examples.ts";

const DELIVERIES = 2_000;

/**
 * What review-flow analytics adds to each webhook ack: mapping the payload and one SQLite
 * transaction, against what the ack already did, recording the job durably (the job store's
 * `accept`, fsync included). Sequential, in process, so machine load affects both alike.
 */
export async function runFlowRecordBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pr-triage-flow-bench-"));
  const jobs = openSqliteJobStore(join(dir, "jobs"));
  const analytics = openSqliteAnalyticsStore(join(dir, "analytics"));
  try {
    const payload = examplePayload<FlowPayload & { pull_request: { number: number; head: { sha: string } } }>(
      "pull_request",
      "opened",
    );
    const accept: number[] = [];
    const record: number[] = [];
    for (let i = 0; i < DELIVERIES; i += 1) {
      payload.pull_request.number = i % 50;
      const id = `bench-${i}`;
      let started = performance.now();
      await jobs.accept(
        { id, event: "pull_request.opened" },
        [
          {
            installationId: 1,
            owner: "Codertocat",
            repo: "Hello-World",
            pullNumber: i % 50,
            headSha: `${i}`.padStart(40, "0"),
            headSeenAt: new Date(1_700_000_000_000 + i).toISOString(),
            trigger: "pull_request",
            requestedBy: null,
          },
        ],
        Date.now(),
      );
      accept.push(performance.now() - started);
      started = performance.now();
      const flow = flowFromWebhook("pull_request", id, payload, Date.now());
      if (flow?.kind === "event") await analytics.recordEvent(flow.pull, flow.event);
      record.push(performance.now() - started);
    }
    const stats = (ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return {
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        mean: ms.reduce((a, b) => a + b, 0) / ms.length,
      };
    };
    const a = stats(accept);
    const r = stats(record);
    const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
    console.log(`${DELIVERIES} pull_request deliveries, sequential`);
    console.log(
      `job store accept (the ack's existing work): p50 ${us(a.p50)}, p99 ${us(a.p99)}, mean ${us(a.mean)}`,
    );
    console.log(
      `analytics recordEvent (added by analytics): p50 ${us(r.p50)}, p99 ${us(r.p99)}, mean ${us(r.mean)}`,
    );
    console.log(`added / existing, mean: ${(r.mean / a.mean).toFixed(3)}×`);
  } finally {
    analytics.close();
    await jobs.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await runFlowRecordBench();
