import type { FlowReport, WindowFigures } from "./compute-flow-report.ts";
import { LEVEL_KEYS, type SplitStats } from "./duration-stats.ts";
import { formatHours } from "./format-hours.ts";
import {
  benchmarkBand,
  LINEARB_2026_ELITE_CYCLE_P75_HOURS,
  LINEARB_2026_SOURCE,
  LINEARB_BENCHMARK_SOURCE,
} from "./linearb-benchmarks.ts";

const FIGURES = [
  ["pickup", "Pickup (ready → first human response)"],
  ["review", "Review (first response → merge)"],
  ["cycle", "Cycle (ready → merge)"],
] as const;

const cell = (s: { p50Hours: number | null; p75Hours: number | null; count: number }) =>
  s.count === 0 ? "–" : `${formatHours(s.p50Hours)} / ${formatHours(s.p75Hours)} (${s.count})`;

function figureRow(label: string, split: SplitStats, band: string): string {
  const levels = LEVEL_KEYS.map((level) => cell(split.byLevel[level]));
  return `| ${label} | ${cell(split.all)} | ${levels.join(" | ")} | ${cell(split.byAuthor.agent)} | ${cell(split.byAuthor.human)} | ${band} |`;
}

function renderWindow(w: WindowFigures): string {
  const lines = [
    `## Last ${w.days} days (${w.prs} PRs)`,
    "",
    `| P50 / P75 (PRs) | all | ${LEVEL_KEYS.join(" | ")} | agent | human | LinearB band (P75) |`,
    `|---|---|${LEVEL_KEYS.map(() => "---").join("|")}|---|---|---|`,
    ...FIGURES.map(([key, label]) => {
      const p75 = w[key].all.p75Hours;
      return figureRow(label, w[key], p75 === null ? "–" : benchmarkBand(key, p75));
    }),
    "",
    `Risk mix: ${LEVEL_KEYS.map((level) => `${level} ${w.riskMix[level]}`).join(", ")}.`,
  ];
  const routed = w.routedReview;
  lines.push(
    "",
    routed.share === null
      ? "No high or critical PR was merged in this period."
      : `High and critical PRs reviewed by a routed (requested) reviewer before merge: ${routed.reviewedByRouted} of ${routed.merged} (${Math.round(routed.share * 100)}%).`,
    ...routed.mergedWithout.map(
      (pr) => `- [${pr.repo}#${pr.pullNumber}](${pr.url}) ${pr.title} (${pr.level}): ${pr.reason}`,
    ),
  );
  return lines.join("\n");
}

/** The `pr-triage flow` report. */
export function renderFlowMarkdown(report: FlowReport, repo: string): string {
  return [
    `# Review flow: ${repo}`,
    "",
    `Generated ${report.generatedAt}. Durations exclude time spent as a draft or closed; a response is a review, review comment or comment by someone other than the author and bots. Levels come from \`risk: <level>\` labels (untriaged without one).`,
    "",
    ...report.windows.map(renderWindow).flatMap((section) => [section, ""]),
    `Benchmarks: [${LINEARB_BENCHMARK_SOURCE.title}](${LINEARB_BENCHMARK_SOURCE.url}); ${LINEARB_2026_SOURCE}: elite cycle time under ${LINEARB_2026_ELITE_CYCLE_P75_HOURS} h at P75. LinearB's cycle runs from first commit to deploy, this one from ready for review to merge.`,
    "",
  ].join("\n");
}
