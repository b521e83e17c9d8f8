import type { Finding } from "../findings/finding.ts";
import type { Policy } from "./policy.ts";

/**
 * Ties the model's findings to the policies it was given: a cited title is normalised to the
 * policy's exact title and takes the policy's `severity:`; a citation of a policy that was not
 * sent is dropped (the finding stays), because a reviewer must be able to open what is cited.
 */
export function applyPolicyCitations(findings: readonly Finding[], applied: readonly Policy[]): Finding[] {
  const byTitle = new Map(applied.map((policy) => [normalize(policy.title), policy]));
  return findings.map((finding) => {
    if (finding.policy === null) return finding;
    const policy = byTitle.get(normalize(finding.policy));
    if (!policy) return { ...finding, policy: null };
    return { ...finding, policy: policy.title, severity: policy.severity ?? finding.severity };
  });
}

function normalize(title: string): string {
  return title
    .replace(/^\s*policy:\s*/i, "")
    .replace(/[`"'*_]/g, "")
    .trim()
    .toLowerCase();
}
