import type { Finding } from "../../findings/finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.unsecureCommand;
const WORKFLOW_COMMAND = /::(set-env|add-path)\b/;

/** An added line using the disabled `::set-env` / `::add-path` workflow commands. */
export function unsecureCommand(workflow: WorkflowContext): Finding[] {
  return workflow.added.flatMap((line) => {
    const command = WORKFLOW_COMMAND.exec(line.content)?.[1];
    if (!command) return [];
    return [
      ruleFinding(RULE, {
        path: workflow.file.path,
        line: line.line,
        title: `Disabled workflow command ::${command}`,
        message: `\`${codeSnippet(line.content)}\` uses \`::${command}\`, which GitHub disabled in 2020 because any text a step prints (a PR title in a log line) could set environment variables or PATH for later steps. The step fails unless unsecure commands are re-enabled. ${RULE.fix}`,
      }),
    ];
  });
}
