import { RISK_LEVELS, type RiskLevel } from "../config/config-schema.ts";
import { percentile } from "./percentile.ts";
import type { AuthorKind } from "./triage-record.ts";

/** P50 and P75 of a set of durations, in hours (null when there are none). */
export interface DurationStats {
  count: number;
  p50Hours: number | null;
  p75Hours: number | null;
}

export type LevelKey = RiskLevel | "untriaged";
export const LEVEL_KEYS: readonly LevelKey[] = [...RISK_LEVELS, "untriaged"];

/** One figure, overall and split by risk level and by who wrote the PR. */
export interface SplitStats {
  all: DurationStats;
  byLevel: Record<LevelKey, DurationStats>;
  byAuthor: Record<AuthorKind | "unknown", DurationStats>;
}

/** A duration tagged with what it is split by. */
export interface Sample {
  ms: number;
  level: LevelKey;
  authorKind: AuthorKind | "unknown";
}

const HOUR_MS = 3_600_000;

export function durationStats(ms: readonly number[]): DurationStats {
  const sorted = [...ms].sort((a, b) => a - b);
  const hours = (p: number): number | null =>
    sorted.length === 0 ? null : Math.round((percentile(sorted, p) / HOUR_MS) * 100) / 100;
  return { count: sorted.length, p50Hours: hours(50), p75Hours: hours(75) };
}

export function splitStats(samples: readonly Sample[]): SplitStats {
  const of = (keep: (s: Sample) => boolean) => durationStats(samples.filter(keep).map((s) => s.ms));
  return {
    all: of(() => true),
    byLevel: Object.fromEntries(LEVEL_KEYS.map((level) => [level, of((s) => s.level === level)])) as Record<
      LevelKey,
      DurationStats
    >,
    byAuthor: {
      agent: of((s) => s.authorKind === "agent"),
      human: of((s) => s.authorKind === "human"),
      unknown: of((s) => s.authorKind === "unknown"),
    },
  };
}
