import type { FlowReport, WindowFigures } from "../analytics/compute-flow-report.ts";
import { LEVEL_KEYS, type SplitStats } from "../analytics/duration-stats.ts";
import { formatHours } from "../analytics/format-hours.ts";
import {
  benchmarkBand,
  LINEARB_2026_ELITE_CYCLE_P75_HOURS,
  LINEARB_2026_SOURCE,
  LINEARB_BENCHMARK_SOURCE,
} from "../analytics/linearb-benchmarks.ts";
import type { QueueStats } from "../queue/job-store.ts";
import { escapeHtml as e } from "./escape-html.ts";
import { renderPage } from "./render-page.ts";

export interface DashboardView {
  report: FlowReport;
  /** null: the whole installation. */
  repo: string | null;
  days: number;
  queue: QueueStats;
  rateLimits: [installation: number, remaining: number][];
}

const FIGURES = [
  ["pickup", "Pickup time", "ready for review → first human response, draft time excluded"],
  ["review", "Review time", "first response → merge"],
  ["cycle", "Cycle time", "ready for review → merge"],
  ["triage", "Time to triage", "webhook event → completed check"],
] as const;
const COLUMNS = [
  ["all", "All PRs"],
  ...LEVEL_KEYS.map((level) => [level, level] as const),
  ["agent", "agent-written"],
  ["human", "human-written"],
] as const;

function stat(split: SplitStats, column: string) {
  if (column === "all") return split.all;
  if (column === "agent" || column === "human") return split.byAuthor[column];
  return split.byLevel[column as keyof SplitStats["byLevel"]];
}

function figureTable(w: WindowFigures): string {
  const head = COLUMNS.map(([, label]) => `<th scope="col">${label}</th>`).join("");
  const rows = FIGURES.map(([key, label, meaning]) => {
    const cells = COLUMNS.map(([column]) => {
      const s = stat(w[key], column);
      return `<td data-figure="${key}.${column}">${formatHours(s.p50Hours)} / ${formatHours(s.p75Hours)}<span class="n"> (${s.count})</span></td>`;
    }).join("");
    return `<tr><th scope="row">${label}<br><small>${meaning}</small></th>${cells}</tr>`;
  }).join("\n");
  return `<div class="scroll"><table><caption>P50 / P75 over ${w.days} days (number of PRs)</caption>
<thead><tr><th scope="col">Figure</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function headline(w: WindowFigures): string {
  const card = (key: "pickup" | "review" | "cycle", label: string) => {
    const p75 = w[key].all.p75Hours;
    const band = p75 === null ? "no data yet" : `LinearB band: ${benchmarkBand(key, p75)}`;
    return `<div class="card"><h3>${label} P75</h3><p class="big" data-figure="${key}.all.p75">${formatHours(p75)}</p><p>${band}</p></div>`;
  };
  const share = w.routedReview.share;
  return `<section aria-labelledby="headline"><h2 id="headline">Last ${w.days} days</h2><div class="cards">
${card("pickup", "Pickup")}${card("review", "Review")}${card("cycle", "Cycle")}
<div class="card"><h3>Routed review before merge</h3><p class="big" data-figure="routed.share">${share === null ? "–" : `${Math.round(share * 100)}%`}</p><p>${w.routedReview.reviewedByRouted} of ${w.routedReview.merged} high/critical PRs</p></div>
</div></section>`;
}

function mergedWithout(w: WindowFigures): string {
  const rows = w.routedReview.mergedWithout
    .map(
      (pr) =>
        `<tr><td><a href="${e(pr.url)}">${e(pr.repo)}#${pr.pullNumber}</a> ${e(pr.title)}</td><td>${pr.level}</td><td>${pr.mergedAt.slice(0, 16).replace("T", " ")}</td><td>${e(pr.reason)}</td></tr>`,
    )
    .join("\n");
  return `<section aria-labelledby="unreviewed"><h2 id="unreviewed">High and critical PRs merged without their routed review</h2>
${rows ? `<div class="scroll"><table data-figure="merged-without"><thead><tr><th scope="col">PR</th><th scope="col">Level</th><th scope="col">Merged (UTC)</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table></div>` : "<p>None in this period.</p>"}</section>`;
}

function charts(w: WindowFigures): string {
  const weekRows = w.pickupWeeks
    .map(
      (week) =>
        `<tr><th scope="row">${week.weekStart}</th>${LEVEL_KEYS.map((l) => `<td>${formatHours(week.p50Hours[l])}</td>`).join("")}</tr>`,
    )
    .join("");
  const levelHead = LEVEL_KEYS.map((l) => `<th scope="col">${l}</th>`).join("");
  const mix = LEVEL_KEYS.map(
    (l) => `<tr><th scope="row">${l}</th><td data-figure="mix.${l}">${w.riskMix[l]}</td></tr>`,
  ).join("");
  const data = JSON.stringify({ levels: LEVEL_KEYS, pickupWeeks: w.pickupWeeks, riskMix: w.riskMix }).replace(
    /</g,
    "\\u003c",
  );
  return `<section aria-labelledby="charts"><h2 id="charts">Pickup time and risk mix</h2><div class="charts">
<figure><figcaption>P50 pickup time by risk level, per week (hours)</figcaption>
<div class="chart-box"><canvas id="pickup-chart" role="img" aria-label="Line chart of weekly P50 pickup time per risk level; the same data is in the table below"></canvas></div>
<details><summary>Table</summary><div class="scroll"><table><thead><tr><th scope="col">Week of</th>${levelHead}</tr></thead><tbody>${weekRows}</tbody></table></div></details></figure>
<figure><figcaption>Risk mix (PRs)</figcaption>
<div class="chart-box"><canvas id="mix-chart" role="img" aria-label="Bar chart of PRs per risk level; the same data is in the table below"></canvas></div>
<details><summary>Table</summary><table><tbody>${mix}</tbody></table></details></figure>
</div><script type="application/json" id="dashboard-data">${data}</script></section>`;
}

function rules(w: WindowFigures): string {
  const rows = w.rules
    .map(
      (r) =>
        `<tr><th scope="row"><code>${e(r.ruleId)}</code></th><td>${r.comments}</td><td>${r.thumbsUp}</td><td>${r.thumbsDown}</td><td>${r.addressed}</td><td>${r.resolved}</td><td>${r.ignored}</td><td>${r.precision === null ? "–" : `${Math.round(r.precision * 100)}%`}</td></tr>`,
    )
    .join("");
  const weeks = w.llmWeeks
    .map(
      (week) =>
        `<tr><th scope="row">${week.weekStart}</th><td>${week.triages}</td><td>${week.inputTokens}</td><td>${week.cachedTokens}</td><td>${week.outputTokens}</td><td data-figure="cost.${week.weekStart}">$${week.costUsd.toFixed(4)}</td></tr>`,
    )
    .join("");
  return `<section aria-labelledby="precision"><h2 id="precision">Precision per rule</h2>
${rows ? `<div class="scroll"><table><thead><tr><th scope="col">Rule</th><th scope="col">Comments</th><th scope="col">Thumbs up</th><th scope="col">Thumbs down</th><th scope="col">Addressed</th><th scope="col">Resolved</th><th scope="col">Ignored</th><th scope="col">Precision</th></tr></thead><tbody>${rows}</tbody></table></div>` : "<p>No feedback on inline comments yet.</p>"}
<p><small>Useful: addressed by a later push, resolved, or more thumbs up than down; a finding a maintainer ignored (<code>/triage ignore</code>) counts as noise. Reactions are read when the PR is next triaged.</small></p></section>
<section aria-labelledby="llm"><h2 id="llm">LLM tokens and cost per week</h2>
${weeks ? `<div class="scroll"><table><thead><tr><th scope="col">Week of</th><th scope="col">Triages</th><th scope="col">Input</th><th scope="col">Cached</th><th scope="col">Output</th><th scope="col">Cost</th></tr></thead><tbody>${weeks}</tbody></table></div>` : "<p>No triages in this period.</p>"}</section>`;
}

function health(view: DashboardView): string {
  const q = view.queue;
  const limits =
    view.rateLimits.map(([id, remaining]) => `installation ${id}: ${remaining}`).join(", ") || "not seen yet";
  return `<section aria-labelledby="health"><h2 id="health">Queue health</h2>
<p data-figure="queue">${q.queued} queued, ${q.running} running, ${q.retrying} retrying, ${q.failed} failed. GitHub requests left this hour: ${e(limits)}.</p></section>`;
}

function scopeForm(view: DashboardView): string {
  const repos = view.report.repos.map((r) => r.repo);
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${e(value)}"${selected ? " selected" : ""}>${e(label)}</option>`;
  return `<form method="get" action="/dashboard" class="scope">
<span><label for="repo">Repository</label> <select id="repo" name="repo">${option("", "All repositories", view.repo === null)}${repos.map((r) => option(r, r, r === view.repo)).join("")}</select></span>
<span><label for="days">Period</label> <select id="days" name="days">${view.report.windows.map((w) => option(String(w.days), `${w.days} days`, w.days === view.days)).join("")}</select></span>
<button type="submit">Show</button></form>`;
}

/** The dashboard for one scope and period. */
export function renderDashboard(view: DashboardView): string {
  const windows =
    view.repo === null ? view.report.windows : view.report.repos.find((r) => r.repo === view.repo)?.windows;
  const w = windows?.find((candidate) => candidate.days === view.days) ?? windows?.[0];
  const body = w
    ? `${headline(w)}${charts(w)}${mergedWithout(w)}<section aria-labelledby="figures"><h2 id="figures">All figures</h2>${figureTable(w)}</section>${rules(w)}`
    : "<p>No pull requests recorded for this repository yet.</p>";
  return renderPage(
    "Review flow",
    `<header><h1>PR Triage review flow</h1><p>${e(view.repo ?? "All repositories")} · generated ${view.report.generatedAt.slice(0, 16).replace("T", " ")} UTC</p>
<form method="post" action="/dashboard/sign-out"><button type="submit">Sign out</button></form></header>
<main>${scopeForm(view)}${body}${health(view)}
<footer><p>Benchmarks: <a href="${LINEARB_BENCHMARK_SOURCE.url}">${LINEARB_BENCHMARK_SOURCE.title}</a>: P75 elite cycle time under 19 h, pickup under 1 h, review under 0.5 h. ${LINEARB_2026_SOURCE}: elite cycle time under ${LINEARB_2026_ELITE_CYCLE_P75_HOURS} h at P75. LinearB's cycle time runs from first commit to deploy, ours from ready for review to merge.</p></footer></main>`,
    true,
  );
}
