import { RISK_LEVELS, type RiskLevel } from "../config/config-schema.ts";
import type { AuthorKind, TriageRecord } from "./triage-record.ts";

/** What the triages (or, from history, the labels) say about a PR as a whole. */
export interface PrContext {
  /** The highest level any triage gave it: a PR that was once critical stays in that bucket. */
  level: RiskLevel | null;
  authorKind: AuthorKind | null;
  /** Everyone the app asked to review, over all its triages. */
  routed: string[];
}

export function prKey(repo: string, pullNumber: number): string {
  return `${repo}#${pullNumber}`;
}

/** Folds each PR's triage records into its context. */
export function prContexts(triages: readonly TriageRecord[]): Map<string, PrContext> {
  const contexts = new Map<string, PrContext>();
  for (const triage of triages) {
    const key = prKey(triage.repo, triage.pullNumber);
    const context = contexts.get(key) ?? { level: null, authorKind: null, routed: [] };
    if (context.level === null || RISK_LEVELS.indexOf(triage.level) > RISK_LEVELS.indexOf(context.level)) {
      context.level = triage.level;
    }
    if (context.authorKind !== "agent") context.authorKind = triage.authorKind;
    context.routed = [...new Set([...context.routed, ...triage.routed])];
    contexts.set(key, context);
  }
  return contexts;
}
