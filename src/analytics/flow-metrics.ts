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
  readonly #counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name, help, labelNames, registers: [this.registry] });
  readonly #gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [this.registry] });
  readonly #histogram = (name: string, help: string, buckets: number[], labelNames: string[] = []) =>
    new Histogram({ name, help, buckets, labelNames, registers: [this.registry] });
  readonly #triages = this.#counter("pr_triage_triages_total", "Completed triages, by risk level.", [
    "level",
  ]);
  readonly #duration = this.#histogram(
    "pr_triage_triage_duration_seconds",
    "From the webhook event to the completed check run.",
    [5, 15, 30, 60, 120, 300, 600, 1800, HOUR],
  );
  readonly #queue = this.#gauge("pr_triage_queue_jobs", "Triage jobs in the durable queue, by state.", [
    "state",
  ]);
  readonly #tokens = this.#counter(
    "pr_triage_llm_tokens_total",
    "LLM tokens, by kind (input, cached, output).",
    ["kind"],
  );
  readonly #cost = this.#counter("pr_triage_llm_cost_usd_total", "Estimated LLM cost in US dollars.");
  readonly #pickup = this.#histogram(
    "pr_triage_pickup_seconds",
    "Ready for review to first human response (draft time excluded), by the PR's risk level.",
    [600, 1800, HOUR, 3 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR, 168 * HOUR],
    ["level"],
  );
  readonly #rateLimit = this.#gauge(
    "pr_triage_github_rate_limit_remaining",
    "GitHub's x-ratelimit-remaining on the latest response, per installation.",
    ["installation"],
  );

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
