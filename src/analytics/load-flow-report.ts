import type { AnalyticsSnapshot, AnalyticsStore } from "./analytics-store.ts";
import { computeFlowReport, type FlowReport, REPORT_WINDOWS_DAYS } from "./compute-flow-report.ts";
import { prContexts } from "./pr-context.ts";

const DAY_MS = 86_400_000;

/** Reads the longest window from the store, once, and computes every figure from it. */
export async function loadFlowReport(
  store: AnalyticsStore,
  now: number,
  webHost: string,
): Promise<{ report: FlowReport; snapshot: AnalyticsSnapshot }> {
  const snapshot = await store.load(now - Math.max(...REPORT_WINDOWS_DAYS) * DAY_MS);
  const report = computeFlowReport({ ...snapshot, contexts: prContexts(snapshot.triages), now, webHost });
  return { report, snapshot };
}
