import type { Finding } from "../../findings/finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import { runLineFindings } from "./run-line-findings.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.workflowRunInjection;
/** The contexts a `workflow_run` workflow receives from the triggering run, which any fork controls. */
const WORKFLOW_RUN_EXPRESSION =
  /\$\{\{[^}]*\bgithub\.event\.workflow_run\.(?:head_branch|head_commit\.(?:message|author\.(?:email|name))|display_title|pull_requests\b[^}]*\.head\.ref)\b[^}]*\}\}/;

/** The triggering run's branch name or commit message expanded into an added `run:` line. */
export function workflowRunInjection(workflow: WorkflowContext): Finding[] {
  if (!workflow.triggers.has("workflow_run")) return [];
  return runLineFindings(
    workflow,
    RULE,
    WORKFLOW_RUN_EXPRESSION,
    (code) =>
      `${code} runs in a \`workflow_run\` workflow, which has the base repository's secrets and a write token, yet the branch name and commit message come from whoever pushed the triggering run (any fork). A branch named \`$(curl …|sh)\` runs in this job.`,
  );
}
