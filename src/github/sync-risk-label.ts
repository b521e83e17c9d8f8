import { RISK_LEVELS, type RiskLevel } from "../config/config-schema.ts";
import { httpStatus } from "../errors/http-status.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

const LABEL_COLORS: Record<RiskLevel, string> = {
  low: "0e8a16",
  medium: "fbca04",
  high: "d93f0b",
  critical: "b60205",
};

export function riskLabel(level: RiskLevel): string {
  return `risk: ${level}`;
}

/**
 * Leaves exactly one `risk: <level>` label on the PR: stale levels are removed, the current one
 * is created (with its colour) if the repo lacks it. No write happens when nothing changes.
 */
export async function syncRiskLabel(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  currentLabels: readonly string[],
  level: RiskLevel,
): Promise<{ added: string | null; removed: string[] }> {
  const wanted = riskLabel(level);
  const stale = currentLabels.filter(
    (name) => RISK_LEVELS.some((l) => riskLabel(l) === name) && name !== wanted,
  );
  for (const name of stale) {
    try {
      await octokit.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  if (currentLabels.includes(wanted)) return { added: null, removed: stale };
  await ensureLabel(octokit, repo, level);
  await octokit.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: [wanted] });
  return { added: wanted, removed: stale };
}

async function ensureLabel(octokit: Octokit, repo: RepoRef, level: RiskLevel): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ ...repo, name: riskLabel(level) });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
    try {
      await octokit.rest.issues.createLabel({
        ...repo,
        name: riskLabel(level),
        color: LABEL_COLORS[level],
        description: `PR Triage: ${level} risk`,
      });
    } catch (createError) {
      // 422: another run created it between our read and write.
      if (httpStatus(createError) !== 422) throw createError;
    }
  }
}
