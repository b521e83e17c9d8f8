import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const UNSECURE_COMMANDS = /ACTIONS_ALLOW_UNSECURE_COMMANDS\s*:\s*["']?true/i;

/** An added `ACTIONS_ALLOW_UNSECURE_COMMANDS: true`. */
export function unsecureCommandsEnabled(workflow: WorkflowContext): Finding[] {
  return workflow.added
    .filter((line) => UNSECURE_COMMANDS.test(line.content))
    .map((line) =>
      ruleFinding(CI_WORKFLOW_RULES.unsecureCommandsEnabled, { path: workflow.file.path, line: line.line }),
    );
}
