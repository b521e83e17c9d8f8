import type { Finding } from "../../findings/finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import { runLineFindings } from "./run-line-findings.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.privilegedPrFetch;
const PR_FETCH_IN_SHELL = /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull\/[^/\n]+\/(?:head|merge)\b/;

/** A `pull_request_target` job's added shell line that fetches the PR's code. */
export function privilegedPrFetch(workflow: WorkflowContext): Finding[] {
  if (!workflow.triggers.has("pull_request_target")) return [];
  return runLineFindings(
    workflow,
    RULE,
    PR_FETCH_IN_SHELL,
    (code) =>
      `${code} brings the PR's code into a \`pull_request_target\` job, which runs with the base repository's secrets and a write token: any build or script step after it runs the fork's code with those privileges (a "pwn request").`,
  );
}
