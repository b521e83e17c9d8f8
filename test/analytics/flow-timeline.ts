import type { FlowEvent, FlowEventKind, FlowPull } from "../../src/analytics/flow-event.ts";
import type { TriageRecord } from "../../src/analytics/triage-record.ts";

/** Hand-written timelines: times are hours after T0, so expected figures read straight off them. */
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
export const NOW = T0 + 48 * 3_600_000;
export const hours = (h: number): number => T0 + h * 3_600_000;

let nextId = 0;

export function pull(pullNumber: number, author = "octo-author", repo = "acme/api"): FlowPull {
  return { repo, pullNumber, author, title: `PR ${pullNumber}` };
}

export function event(
  pr: FlowPull,
  kind: FlowEventKind,
  atHours: number,
  actor: string | null = pr.author,
  detail: string | null = null,
): FlowEvent {
  nextId += 1;
  return {
    id: `e${nextId}`,
    repo: pr.repo,
    pullNumber: pr.pullNumber,
    kind,
    at: hours(atHours),
    actor,
    actorIsBot: actor?.endsWith("[bot]") ?? false,
    detail,
  };
}

export function triage(pr: FlowPull, overrides: Partial<TriageRecord> = {}): TriageRecord {
  nextId += 1;
  return {
    deliveryId: `d${nextId}`,
    repo: pr.repo,
    pullNumber: pr.pullNumber,
    headSha: "a".repeat(40),
    level: "low",
    score: 10,
    authorKind: "human",
    routed: [],
    tokens: { input: 1000, cached: 200, output: 100 },
    costUsd: 0.01,
    eventAt: hours(0),
    completedAt: hours(0.1),
    posted: [],
    ...overrides,
  };
}
