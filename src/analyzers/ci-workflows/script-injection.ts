import type { Finding } from "../../findings/finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import { runLineFindings } from "./run-line-findings.ts";
import type { WorkflowContext } from "./workflow-context.ts";

const RULE = CI_WORKFLOW_RULES.scriptInjection;

/** Expressions whose text a PR's or issue's author controls. */
export const UNTRUSTED_CONTEXT =
  /\$\{\{\s*github\.event\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages)\b[^}]*\b(title|body|head_ref|label|message|name|email|ref)\b[^}]*\}\}|\$\{\{\s*github\.head_ref\s*\}\}/;

/** Untrusted PR text expanded into an added `run:` line. */
export function scriptInjection(workflow: WorkflowContext): Finding[] {
  return runLineFindings(
    workflow,
    RULE,
    UNTRUSTED_CONTEXT,
    (code) =>
      `${code} pastes attacker-controlled text (titles, bodies, branch names) into the script before it runs, so a crafted title executes commands in CI.`,
  );
}
