import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.unpinnedAction;
const USES = /^\s*(-\s+)?uses\s*:\s*["']?([^"'\s#]+)/;
const FULL_SHA = /@[0-9a-f]{40}$/;
const FIRST_PARTY = /^(actions|github)\//;

/** Added third-party `uses:` on a tag or branch: one finding per file, naming up to six actions. */
export function unpinnedAction(workflow: WorkflowContext): Finding[] {
  const unpinned: { line: number; uses: string }[] = [];
  for (const line of workflow.added) {
    const uses = USES.exec(line.content)?.[2];
    if (
      uses &&
      !uses.startsWith("./") &&
      !uses.startsWith("docker://") &&
      !FULL_SHA.test(uses) &&
      !FIRST_PARTY.test(uses)
    ) {
      unpinned.push({ line: line.line, uses });
    }
  }
  const first = unpinned[0];
  if (!first) return [];
  const names = [...new Set(unpinned.map((entry) => `\`${entry.uses}\``))];
  return [
    ruleFinding(RULE, {
      path: workflow.file.path,
      line: first.line,
      title: `Third-party action${names.length > 1 ? "s" : ""} not pinned to a commit`,
      message: `${names.slice(0, 6).join(", ")}${names.length > 6 ? ` and ${names.length - 6} more` : ""} point at tags or branches their owners can move at any time (as happened with tj-actions/changed-files), and run with this job's token and secrets. ${RULE.fix}`,
    }),
  ];
}
