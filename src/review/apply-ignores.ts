import picomatch from "picomatch";
import type { TriageConfig } from "../config/config-schema.ts";
import type { Finding } from "../findings/finding.ts";
import type { IgnoreEntry } from "../render/summary-state.ts";

/** A finding left out because someone said it is not a problem, and who. */
export interface IgnoredFinding {
  finding: Finding;
  fingerprint: string;
  /** A login (a `/triage ignore` on this PR), or `null` for the repository's config. */
  by: string | null;
  /** What the ignore covered: "this finding", "rule `x` on this PR", or the config entry. */
  scope: string;
}

/**
 * Pure: splits findings into those still reported and those ignored, by this PR's ignores
 * (kept in the summary state) and the base branch's `ignore.rules` / `ignore.findings`. Ignored
 * findings are not posted, scored or routed on; the summary lists them with who ignored them.
 */
export function applyIgnores(
  findings: readonly Finding[],
  fingerprints: ReadonlyMap<Finding, string>,
  ignores: readonly IgnoreEntry[],
  config: TriageConfig["ignore"],
): { active: Finding[]; ignored: IgnoredFinding[] } {
  const byFingerprint = new Map<string, string>();
  const byRule = new Map<string, string>();
  for (const entry of ignores) {
    if (entry.kind === "finding") byFingerprint.set(entry.fingerprint, entry.by);
    else byRule.set(entry.ruleId, entry.by);
  }
  const repoRules = config.rules.map((rule) => ({ rule, test: picomatch(rule) }));
  const repoFindings = config.findings.map((entry) => ({
    entry,
    rule: picomatch(entry.rule),
    path: picomatch(entry.path, { dot: true }),
  }));
  const active: Finding[] = [];
  const ignored: IgnoredFinding[] = [];
  for (const finding of findings) {
    const fingerprint = fingerprints.get(finding) ?? "";
    const ignore = (by: string | null, scope: string) => ignored.push({ finding, fingerprint, by, scope });
    const user = byFingerprint.get(fingerprint);
    const ruleUser = byRule.get(finding.ruleId);
    const repoRule = repoRules.find((r) => r.test(finding.ruleId));
    const repoFinding = repoFindings.find(
      (r) => finding.path !== null && r.rule(finding.ruleId) && r.path(finding.path),
    );
    if (user !== undefined) ignore(user, "this finding");
    else if (ruleUser !== undefined) ignore(ruleUser, `rule \`${finding.ruleId}\` on this PR`);
    else if (repoRule) ignore(null, `\`ignore.rules\`: \`${repoRule.rule}\``);
    else if (repoFinding) {
      const reason = repoFinding.entry.reason ? ` (${repoFinding.entry.reason})` : "";
      ignore(
        null,
        `\`ignore.findings\`: \`${repoFinding.entry.rule}\` in \`${repoFinding.entry.path}\`${reason}`,
      );
    } else active.push(finding);
  }
  return { active, ignored };
}

/** This PR's ignores after a new command: one entry per finding or rule, the latest word kept. */
export function mergeIgnores(previous: readonly IgnoreEntry[], added: readonly IgnoreEntry[]): IgnoreEntry[] {
  const merged = new Map<string, IgnoreEntry>();
  for (const entry of [...previous, ...added]) {
    merged.set(entry.kind === "finding" ? `f:${entry.fingerprint}` : `r:${entry.ruleId}`, entry);
  }
  return [...merged.values()];
}
