import type { Finding } from "../../findings/finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";
import { SECRET_EXPRESSION, STEP_START, type WorkflowLine } from "./workflow-lines.ts";

const RULE = CI_WORKFLOW_RULES.remoteCode;
const [WITH_SECRETS] = RULE.variants;
const REMOTE_EXEC =
  /\bnpx\s+(-y|--yes)\b|\bnpx\s+[^|;&]*@|\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z)?sh\b|\buvx\s+\S|\bpipx\s+run\b|\bbunx\s+\S/;

/** An added `run:` line that fetches and executes code; worse when the step also gets secrets. */
export function remoteCode(workflow: WorkflowContext): Finding[] {
  return workflow.added
    .filter((line) => line.inRun && REMOTE_EXEC.test(line.content))
    .map((line) => {
      const exposesSecrets = stepHasSecrets(workflow.lines, line);
      return ruleFinding(RULE, {
        path: workflow.file.path,
        line: line.line,
        ...(exposesSecrets && { variant: WITH_SECRETS }),
        message: `\`${codeSnippet(line.content)}\` fetches a package or script at run time and executes it${exposesSecrets ? ", in a step that also receives repository secrets" : ""}. Whoever controls that package controls this job. ${RULE.fix}`,
      });
    });
}

/** Whether the step around a run line maps secrets into its environment. */
function stepHasSecrets(lines: readonly WorkflowLine[], runLine: WorkflowLine): boolean {
  const index = lines.indexOf(runLine);
  let start = index;
  while (start >= 0 && !STEP_START.test(lines[start]?.content ?? "")) start--;
  const dashIndent = start >= 0 ? (lines[start]?.content.search(/\S/) ?? 0) : -1;
  let end = index + 1;
  while (end < lines.length) {
    const content = lines[end]?.content ?? "";
    const indent = content.search(/\S/);
    if (indent !== -1 && (indent < dashIndent || (indent === dashIndent && STEP_START.test(content)))) break;
    end++;
  }
  return lines.slice(Math.max(start, 0), end).some((line) => SECRET_EXPRESSION.test(line.content));
}
