import type { Finding } from "../../findings/finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import { UNTRUSTED_CONTEXT } from "./script-injection.ts";
import type { WorkflowContext } from "./workflow-context.ts";
import { SECRET_EXPRESSION } from "./workflow-lines.ts";

const RULE = CI_WORKFLOW_RULES.secretInRun;

/**
 * The first added `run:` line that expands a secret (one finding per file is enough to act on).
 * A line that also pastes untrusted text is reported as script injection instead.
 */
export function secretInRun(workflow: WorkflowContext): Finding[] {
  const line = workflow.added.find(
    (candidate) =>
      candidate.inRun &&
      !UNTRUSTED_CONTEXT.test(candidate.content) &&
      SECRET_EXPRESSION.test(candidate.content),
  );
  if (!line) return [];
  return [
    ruleFinding(RULE, {
      path: workflow.file.path,
      line: line.line,
      message: `\`${codeSnippet(line.content)}\` expands the secret into the script text, where it can leak through logs, process lists and error output, and where quoting mistakes become injection. ${RULE.fix}`,
    }),
  ];
}
