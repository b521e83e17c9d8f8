import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

/** An added workflow file: it gets the repository's runners, token and maybe secrets. */
export function newWorkflow({ file }: WorkflowContext): Finding[] {
  if (file.status !== "added") return [];
  return [
    ruleFinding(CI_WORKFLOW_RULES.newWorkflow, {
      path: file.path,
      line: null,
      title: `New CI workflow: ${file.path}`,
    }),
  ];
}
