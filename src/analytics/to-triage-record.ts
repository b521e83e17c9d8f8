import type { PublishOutcome } from "../review/publish-outcome.ts";
import type { TriageResult } from "../review/triage-result.ts";
import type { TriageRecord } from "./triage-record.ts";

/** The routing summary names reviewers `@login` and `team slug`; analytics keys them `login` and `team:slug`. */
function routedKey(reviewer: string): string {
  return reviewer.startsWith("team ") ? `team:${reviewer.slice(5)}` : reviewer.replace(/^@/, "");
}

/** What analytics keeps of one completed triage: no findings text, no code. */
export function toTriageRecord(
  job: { deliveryId: string; owner: string; repo: string; pullNumber: number },
  result: TriageResult,
  outcome: PublishOutcome,
  times: { eventAt: number; completedAt: number },
): TriageRecord {
  const { routing } = outcome;
  // Already requested or already reviewed is still routed; the author never is.
  const routed = [
    ...(routing?.requested ?? []),
    ...(routing?.skipped.filter((s) => s.reason !== "author of the PR") ?? []),
  ].map((r) => routedKey(r.reviewer));
  const llm = result.llm.mode === "ok" || result.llm.mode === "unavailable" ? result.llm : null;
  return {
    deliveryId: job.deliveryId,
    repo: `${job.owner}/${job.repo}`,
    pullNumber: job.pullNumber,
    headSha: result.headSha,
    level: result.risk.level,
    score: result.risk.score,
    authorKind: result.findings.some((f) => f.ruleId === "agent-provenance/agent-authored")
      ? "agent"
      : "human",
    routed: [...new Set(routed)],
    tokens: {
      input: llm?.usage.inputTokens ?? 0,
      cached: llm?.usage.cachedTokens ?? 0,
      output: llm?.usage.outputTokens ?? 0,
    },
    costUsd: llm?.costUsd ?? null,
    eventAt: times.eventAt,
    completedAt: times.completedAt,
    posted: outcome.inline.map(({ finding }) => ({
      fingerprint: result.fingerprints.get(finding) ?? "",
      ruleId: finding.ruleId,
    })),
    // A person's `/triage ignore`, not the repository's config, is feedback on the rule.
    ignored: result.ignored
      .filter((ignored) => ignored.by !== null)
      .map((ignored) => ({ fingerprint: ignored.fingerprint, ruleId: ignored.finding.ruleId })),
  };
}
