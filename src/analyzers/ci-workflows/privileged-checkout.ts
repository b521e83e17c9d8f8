import type { Finding } from "../../findings/finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import { privilegedTriggerInView } from "./privileged-trigger-in-view.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.privilegedCheckout;

/** `pull_request_target` / `workflow_run` checking out the PR's head: a "pwn request". */
export function privilegedCheckout(workflow: WorkflowContext): Finding[] {
  const view = privilegedTriggerInView(workflow);
  const checkout = view?.headCheckout;
  if (!view || !checkout) return [];
  return [
    ruleFinding(RULE, {
      path: workflow.file.path,
      line: checkout.line,
      title: `${view.name} workflow checks out pull-request code`,
      message: `This workflow runs on \`${view.name}\` (with the base repository's secrets and a write token) and checks out the PR's code (\`${codeSnippet(checkout.content)}\`). Any fork can then run its own build scripts with those privileges (a "pwn request"). ${RULE.fix}`,
    }),
  ];
}
