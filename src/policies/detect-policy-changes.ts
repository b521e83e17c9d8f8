import picomatch from "picomatch";
import { POLICY_CHANGE_RULES } from "../analyzers/policy-change/policy-change-rules.ts";
import { ruleFinding } from "../analyzers/rule-finding.ts";
import { CODEOWNERS_PATHS } from "../codeowners/codeowners-paths.ts";
import { CONFIG_PATH } from "../config/config-path.ts";
import type { TriageConfig } from "../config/config-schema.ts";
import { touchesSuppressions } from "../config/touches-suppressions.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";

type Kind = "config" | "policy" | "codeowners";

const WHAT: Record<Kind, string> = {
  config: "PR Triage's configuration",
  policy: "a PR Triage policy",
  codeowners: "the code owners",
};

/**
 * Flags a PR that edits what steers its own review: `.github/pr-triage.yml`, a policy file
 * (per the base branch's `policies.paths`) or CODEOWNERS. Triage always reads those from the
 * base branch, so the proposed version is not applied; the finding tells reviewers that, and
 * asks a maintainer to look, because a PR must not be able to weaken its own review.
 */
export function detectPolicyChanges(files: readonly DiffFile[], config: TriageConfig): Finding[] {
  const isPolicy = picomatch(config.policies.paths, { dot: true });
  const kindOf = (path: string): Kind | null => {
    if (path === CONFIG_PATH) return "config";
    if ((CODEOWNERS_PATHS as readonly string[]).includes(path)) return "codeowners";
    return isPolicy(path) ? "policy" : null;
  };
  const findings: Finding[] = [];
  for (const file of files) {
    const kind = kindOf(file.path) ?? kindOf(file.oldPath);
    if (kind === null) continue;
    const line = firstAddedLine(file);
    const verb = file.status === "removed" ? "deletes" : file.status === "added" ? "adds" : "changes";
    // Suppressions hide findings from every later PR: say so, so the reviewer reads them.
    const suppressions =
      kind === "config" && touchesSuppressions(file)
        ? " It edits the `ignore` section: repository-wide suppressions (`ignore.rules`, `ignore.findings`) stop those findings from being reported on every later PR, so check each one."
        : "";
    const rule = POLICY_CHANGE_RULES.policyChange;
    findings.push(
      ruleFinding(rule, {
        title: `${rule.title}: this PR ${verb} ${WHAT[kind]}${suppressions ? " and its suppressions" : ""}`,
        message: `This PR ${verb} \`${file.path}\`. ${rule.why} ${rule.fix}${suppressions}`,
        path: file.path,
        line,
        // The repository's own thresholds: such a PR reaches that level whatever they are.
        configured:
          kind === "codeowners"
            ? { severity: rule.variants[0].severity, riskFloor: config.risk.thresholds.medium }
            : { severity: rule.severity, riskFloor: config.risk.thresholds.high },
      }),
    );
  }
  return findings;
}

function firstAddedLine(file: DiffFile): number | null {
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) if (line.kind === "add" && line.newLine !== null) return line.newLine;
  }
  return null;
}
