import type { Finding } from "../../findings/finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.privilegedPrFetch;
const PR_FETCH_IN_SHELL = /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull\/[^/\n]+\/(?:head|merge)\b/;

/** A `pull_request_target` job's added shell line that fetches the PR's code. */
export function privilegedPrFetch(workflow: WorkflowContext): Finding[] {
  if (!workflow.triggers.has("pull_request_target")) return [];
  return workflow.added
    .filter((line) => line.inRun && PR_FETCH_IN_SHELL.test(line.content))
    .map((line) =>
      ruleFinding(RULE, {
        path: workflow.file.path,
        line: line.line,
        message: `\`${codeSnippet(line.content)}\` brings the PR's code into a \`pull_request_target\` job, which runs with the base repository's secrets and a write token: any build or script step after it runs the fork's code with those privileges (a "pwn request"). ${RULE.fix}`,
      }),
    );
}
