import type { AnalyticsStore } from "../analytics/analytics-store.ts";
import type { DashboardSessions } from "../analytics/dashboard-sessions.ts";
import type { FlowMetrics } from "../analytics/flow-metrics.ts";
import type { RateLimitGauge } from "../analytics/rate-limit-gauge.ts";
import type { QueueStats } from "../queue/job-store.ts";

/** What /metrics and /dashboard read. `sessions` is null when DASHBOARD_TOKEN is unset: both are off. */
export interface FlowRouteDeps {
  store: AnalyticsStore;
  sessions: DashboardSessions | null;
  queue: { stats(): Promise<QueueStats> };
  rateLimit: RateLimitGauge;
  metrics: FlowMetrics;
  webHost: string;
}
