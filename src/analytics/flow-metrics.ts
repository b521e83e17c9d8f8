import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { QueueStats } from "../queue/job-store.ts";
import type { AnalyticsSnapshot } from "./analytics-store.ts";
import { buildPrFlows, pickupMs } from "./build-pr-flow.ts";
import { prContexts, prKey } from "./pr-context.ts";

const HOUR = 3600;

/**
 * The Prometheus view. Values come from the store on each scrape (not from in-process counters),
 * so they survive restarts and agree with the dashboard; the totals cover the retention period.
 */
export class FlowMetrics {
  readonly registry = new Registry();
  readonly #triages = new Counter({
    name: "pr_triage_triages_total",
    help: "Completed triages, by risk level.",
    labelNames: ["level"],
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: "pr_triage_triage_duration_seconds",
    help: "From the webhook event to the completed check run.",
    buckets: [5, 15, 30, 60, 120, 300, 600, 1800, HOUR],
    registers: [this.registry],
  });
  readonly #queue = new Gauge({
    name: "pr_triage_queue_jobs",
    help: "Triage jobs in the durable queue, by state.",
    labelNames: ["state"],
    registers: [this.registry],
  });
  readonly #tokens = new Counter({
    name: "pr_triage_llm_tokens_total",
    help: "LLM tokens, by kind (input, cached, output).",
    labelNames: ["kind"],
    registers: [this.registry],
  });
  readonly #cost = new Counter({
    name: "pr_triage_llm_cost_usd_total",
    help: "Estimated LLM cost in US dollars.",
    registers: [this.registry],
  });
  readonly #pickup = new Histogram({
    name: "pr_triage_pickup_seconds",
    help: "Ready for review to first human response (draft time excluded), by the PR's risk level.",
    labelNames: ["level"],
    buckets: [600, 1800, HOUR, 3 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR, 168 * HOUR],
    registers: [this.registry],
  });
  readonly #rateLimit = new Gauge({
    name: "pr_triage_github_rate_limit_remaining",
    help: "GitHub's x-ratelimit-remaining on the latest response, per installation.",
    labelNames: ["installation"],
    registers: [this.registry],
  });

  /** Sets every metric from the current state, then renders the text format. */
  async render(
    snapshot: AnalyticsSnapshot,
    queue: QueueStats,
    rateLimits: [number, number][],
  ): Promise<string> {
    this.registry.resetMetrics();
    for (const t of snapshot.triages) {
      this.#triages.inc({ level: t.level });
      this.#duration.observe(Math.max(0, t.completedAt - t.eventAt) / 1000);
      this.#tokens.inc({ kind: "input" }, t.tokens.input);
      this.#tokens.inc({ kind: "cached" }, t.tokens.cached);
      this.#tokens.inc({ kind: "output" }, t.tokens.output);
      this.#cost.inc(t.costUsd ?? 0);
    }
    const contexts = prContexts(snapshot.triages);
    for (const flow of buildPrFlows(snapshot.pulls, snapshot.events)) {
      const ms = pickupMs(flow);
      if (ms === null) continue;
      this.#pickup.observe(
        { level: contexts.get(prKey(flow.repo, flow.pullNumber))?.level ?? "untriaged" },
        ms / 1000,
      );
    }
    for (const state of ["queued", "running", "retrying", "failed"] as const)
      this.#queue.set({ state }, queue[state]);
    for (const [installation, remaining] of rateLimits)
      this.#rateLimit.set({ installation: String(installation) }, remaining);
    return this.registry.metrics();
  }
}
