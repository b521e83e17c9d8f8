/**
 * LinearB's published benchmark bands, shown beside our figures. Their cycle time runs from first
 * commit to deploy and ours from ready-for-review to merge, so ours is the narrower span: a
 * comparison shows the order of magnitude, not a rank.
 */
export interface BenchmarkBand {
  metric: "cycle" | "pickup" | "review";
  /** Upper bounds in hours at P75: elite below the first, strong below the second, fair below the third. */
  p75Hours: readonly [elite: number, strong: number, fair: number];
}

export const LINEARB_BENCHMARK_SOURCE = {
  title: "LinearB Engineering Metrics Benchmarks (75th percentile column)",
  url: "https://linearb.helpdocs.io/article/d2v8kqzxzd-metrics-community-benchmarks",
} as const;

export const LINEARB_BENCHMARKS: readonly BenchmarkBand[] = [
  { metric: "cycle", p75Hours: [19, 66, 218] },
  { metric: "pickup", p75Hours: [1, 3, 14] },
  { metric: "review", p75Hours: [0.5, 3, 18] },
];

/** LinearB's 2026 Software Engineering Benchmarks Report: elite cycle time is under 25 hours at P75. */
export const LINEARB_2026_ELITE_CYCLE_P75_HOURS = 25;
export const LINEARB_2026_SOURCE = "LinearB, 2026 Software Engineering Benchmarks Report (8.1 million PRs)";

export type BenchmarkBandName = "elite" | "strong" | "fair" | "needs improvement";

/** Which band a P75 figure falls in. */
export function benchmarkBand(metric: BenchmarkBand["metric"], p75Hours: number): BenchmarkBandName {
  const band = LINEARB_BENCHMARKS.find((b) => b.metric === metric);
  if (!band) throw new Error(`No LinearB benchmark for "${metric}": expected cycle, pickup or review`);
  const [elite, strong, fair] = band.p75Hours;
  if (p75Hours < elite) return "elite";
  if (p75Hours < strong) return "strong";
  if (p75Hours < fair) return "fair";
  return "needs improvement";
}
