import { RISK_LEVELS } from "../config/config-schema.ts";
import { activeMs, buildPrFlows, type PrFlow, pickupMs } from "./build-pr-flow.ts";
import {
  durationStats,
  LEVEL_KEYS,
  type LevelKey,
  type Sample,
  type SplitStats,
  splitStats,
} from "./duration-stats.ts";
import type { FlowEvent, FlowPull } from "./flow-event.ts";
import { type PrContext, prKey } from "./pr-context.ts";
import { type RoutedReviewShare, routedReviewShare } from "./routed-review-share.ts";
import { type RuleFeedback, type RulePrecision, rulePrecision } from "./rule-precision.ts";
import type { TriageRecord } from "./triage-record.ts";
import { weekStart } from "./week-start.ts";

export const REPORT_WINDOWS_DAYS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

export interface FlowInput {
  pulls: readonly FlowPull[];
  events: readonly FlowEvent[];
  triages: readonly TriageRecord[];
  /** Per PR (`owner/name#1`): level, author kind and routed reviewers. */
  contexts: ReadonlyMap<string, PrContext>;
  feedback: readonly RuleFeedback[];
  now: number;
  /** For links to PRs. */
  webHost: string;
}

export interface LlmWeek {
  weekStart: string;
  triages: number;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface WindowFigures {
  days: number;
  prs: number;
  /** Ready for review → first human response (not the author, not a bot), draft time excluded. */
  pickup: SplitStats;
  /** First response → merge. */
  review: SplitStats;
  /** Ready for review → merge, draft and closed time excluded. */
  cycle: SplitStats;
  /** Event → completed check, per triage. */
  triage: SplitStats;
  /** PRs triaged in the window, by level. */
  riskMix: Record<LevelKey, number>;
  routedReview: RoutedReviewShare;
  rules: RulePrecision[];
  llmWeeks: LlmWeek[];
  /** P50 pickup hours per week and level, for the chart. */
  pickupWeeks: { weekStart: string; p50Hours: Record<LevelKey, number | null> }[];
}

export interface FlowReport {
  generatedAt: string;
  windows: WindowFigures[];
  repos: { repo: string; windows: WindowFigures[] }[];
}

/** Every figure, for the whole installation and per repository, over 7, 30 and 90 days. */
export function computeFlowReport(input: FlowInput): FlowReport {
  const flows = buildPrFlows(input.pulls, input.events);
  const repos = [...new Set(input.pulls.map((pull) => pull.repo))].sort();
  const windows = (repo: string | null) =>
    REPORT_WINDOWS_DAYS.map((days) => computeWindow(input, flows, repo, days));
  return {
    generatedAt: new Date(input.now).toISOString(),
    windows: windows(null),
    repos: repos.map((repo) => ({ repo, windows: windows(repo) })),
  };
}

function computeWindow(
  input: FlowInput,
  allFlows: readonly PrFlow[],
  repo: string | null,
  days: number,
): WindowFigures {
  const since = input.now - days * DAY_MS;
  const inWindow = (at: number | null): at is number => at !== null && at >= since && at <= input.now;
  const flows = allFlows.filter((flow) => repo === null || flow.repo === repo);
  const context = (flow: Pick<PrFlow, "repo" | "pullNumber">) =>
    input.contexts.get(prKey(flow.repo, flow.pullNumber));
  const sample = (flow: PrFlow, ms: number): Sample => ({
    ms,
    level: context(flow)?.level ?? "untriaged",
    authorKind: context(flow)?.authorKind ?? "unknown",
  });

  const pickups = flows.flatMap((flow) => {
    const ms = pickupMs(flow);
    return ms !== null && inWindow(flow.firstResponseAt) ? [{ flow, sample: sample(flow, ms) }] : [];
  });
  const merged = flows.filter((flow) => inWindow(flow.mergedAt));
  const reviews = merged.flatMap((flow) =>
    flow.firstResponseAt !== null && flow.mergedAt !== null
      ? [sample(flow, activeMs(flow, flow.firstResponseAt, Math.max(flow.firstResponseAt, flow.mergedAt)))]
      : [],
  );
  const cycles = merged.flatMap((flow) =>
    flow.readyAt !== null && flow.mergedAt !== null
      ? [sample(flow, activeMs(flow, flow.readyAt, flow.mergedAt))]
      : [],
  );
  const triages = input.triages.filter((t) => (repo === null || t.repo === repo) && inWindow(t.completedAt));
  const triageSamples = triages.map((t) => ({
    ms: Math.max(0, t.completedAt - t.eventAt),
    level: t.level,
    authorKind: t.authorKind,
  }));

  // Every PR triaged or active in the window, once, at its level.
  const active = flows.filter((flow) => [flow.readyAt, flow.firstResponseAt, flow.mergedAt].some(inWindow));
  const mixKeys = new Set([
    ...triages.map((t) => prKey(t.repo, t.pullNumber)),
    ...active.map((flow) => prKey(flow.repo, flow.pullNumber)),
  ]);
  const riskMix = Object.fromEntries(LEVEL_KEYS.map((level) => [level, 0])) as Record<LevelKey, number>;
  for (const key of mixKeys) riskMix[input.contexts.get(key)?.level ?? "untriaged"] += 1;

  return {
    days,
    prs: mixKeys.size,
    pickup: splitStats(pickups.map((p) => p.sample)),
    review: splitStats(reviews),
    cycle: splitStats(cycles),
    triage: splitStats(triageSamples),
    riskMix,
    routedReview: routedReviewShare(
      merged.map((flow) => ({ flow, context: context(flow) })),
      input.webHost,
    ),
    rules: rulePrecision(input.feedback.filter((f) => inWindow(f.at) && (repo === null || f.repo === repo))),
    llmWeeks: llmWeeks(triages),
    pickupWeeks: pickupWeeks(pickups),
  };
}

function llmWeeks(triages: readonly TriageRecord[]): LlmWeek[] {
  const weeks = new Map<string, LlmWeek>();
  for (const t of triages) {
    const start = weekStart(t.completedAt);
    const week = weeks.get(start) ?? {
      weekStart: start,
      triages: 0,
      inputTokens: 0,
      cachedTokens: 0,
      outputTokens: 0,
      costUsd: 0,
    };
    week.triages += 1;
    week.inputTokens += t.tokens.input;
    week.cachedTokens += t.tokens.cached;
    week.outputTokens += t.tokens.output;
    week.costUsd = Math.round((week.costUsd + (t.costUsd ?? 0)) * 1e6) / 1e6;
    weeks.set(start, week);
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

function pickupWeeks(pickups: readonly { flow: PrFlow; sample: Sample }[]): WindowFigures["pickupWeeks"] {
  const weeks = new Map<string, Sample[]>();
  for (const { flow, sample } of pickups) {
    const start = weekStart(flow.firstResponseAt ?? 0);
    weeks.set(start, [...(weeks.get(start) ?? []), sample]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, samples]) => ({
      weekStart: start,
      p50Hours: Object.fromEntries(
        [...RISK_LEVELS, "untriaged" as const].map((level) => [
          level,
          durationStats(samples.filter((s) => s.level === level).map((s) => s.ms)).p50Hours,
        ]),
      ) as Record<LevelKey, number | null>,
    }));
}
