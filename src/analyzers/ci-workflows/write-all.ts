import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

/** An added `permissions: write-all`. */
export function writeAll(workflow: WorkflowContext): Finding[] {
  return workflow.added
    .filter((line) => /^\s*permissions\s*:\s*write-all\b/.test(line.content))
    .map((line) => ruleFinding(CI_WORKFLOW_RULES.writeAll, { path: workflow.file.path, line: line.line }));
}
