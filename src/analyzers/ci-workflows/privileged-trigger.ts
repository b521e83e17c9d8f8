import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import { privilegedTriggerInView } from "./privileged-trigger-in-view.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.privilegedTrigger;

/** A privileged trigger without a visible checkout of PR code: safe only if it stays that way. */
export function privilegedTrigger(workflow: WorkflowContext): Finding[] {
  const view = privilegedTriggerInView(workflow);
  if (!view || view.headCheckout) return [];
  return [
    ruleFinding(RULE, {
      path: workflow.file.path,
      line: view.trigger.line,
      title: `Privileged trigger: ${view.name}`,
      message: `\`${view.name}\` runs with the base repository's secrets and a write token even for fork PRs. It is safe only if the workflow never checks out, builds or interpolates PR-controlled content. ${RULE.fix}`,
    }),
  ];
}
