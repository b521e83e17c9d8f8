import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

/** An added `runs-on: self-hosted`. */
export function selfHostedRunner(workflow: WorkflowContext): Finding[] {
  return workflow.added
    .filter((line) => /^\s*runs-on\s*:.*\bself-hosted\b/.test(line.content))
    .map((line) =>
      ruleFinding(CI_WORKFLOW_RULES.selfHostedRunner, { path: workflow.file.path, line: line.line }),
    );
}
