import type { Finding } from "../../findings/finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflow-rules.ts";
import type { WorkflowContext } from "./workflow-context.ts";
import { STEP_START, type WorkflowLine } from "./workflow-lines.ts";

const RULE = CI_WORKFLOW_RULES.githubScriptInjection;
/**
 * Contexts an outside contributor controls, from GitHub's "Security hardening for GitHub
 * Actions" list (titles, bodies, messages, branch names, author names and emails, page names).
 */
const UNTRUSTED_EXPRESSION =
  /\$\{\{[^}]*\b(?:github\.event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages\b[^}]*\.page_name|commits\b[^}]*\.(?:message|author\.(?:email|name))|head_commit\.(?:message|author\.(?:email|name))|workflow_run\.(?:head_branch|head_commit\.(?:message|author\.(?:email|name))|display_title|pull_requests\b[^}]*\.head\.ref))|github\.head_ref)\b[^}]*\}\}/;
const SCRIPT_START = /^(\s*)(-\s+)?script\s*:\s*(.*)$/;
const GITHUB_SCRIPT = /^\s*(-\s+)?uses\s*:\s*["']?actions\/github-script@/;

/**
 * Untrusted text expanded into the JavaScript of an `actions/github-script` step, on added
 * lines. The parsed file names the steps exactly; a modified file's hunks are read line by line.
 */
export function githubScriptInjection(workflow: WorkflowContext): Finding[] {
  const added = new Set(workflow.added.map((line) => line.line));
  const scripts = workflow.document?.githubScripts;
  const candidates = scripts
    ? scripts.flatMap(({ text, firstLine }) =>
        text.split("\n").map((content, index) => ({ line: firstLine + index, content })),
      )
    : scriptLinesInView(workflow.lines);
  return candidates
    .filter((candidate) => added.has(candidate.line) && UNTRUSTED_EXPRESSION.test(candidate.content))
    .map((candidate) =>
      ruleFinding(RULE, {
        path: workflow.file.path,
        line: candidate.line,
        message: `\`${codeSnippet(candidate.content)}\` expands attacker-controlled text into the JavaScript that \`actions/github-script\` runs with the job's token, before it runs: a title like \`"); await github.rest.repos.delete(…); ("\` executes. ${RULE.fix}`,
      }),
    );
}

/** `script:` lines of steps whose `uses: actions/github-script@…` is visible in the same hunk. */
function scriptLinesInView(lines: readonly WorkflowLine[]): { line: number; content: string }[] {
  const out: { line: number; content: string }[] = [];
  let stepIsGithubScript = false;
  let stepIndent = -1;
  let scriptIndent: number | null = null;
  for (const line of lines) {
    const indent = line.content.search(/\S/);
    // A dash at the steps' indentation starts the next step; a shallower line leaves the list.
    if (indent !== -1 && indent < stepIndent) stepIndent = -1;
    if (STEP_START.test(line.content) && (stepIndent === -1 || indent === stepIndent)) {
      stepIndent = indent;
      stepIsGithubScript = false;
    }
    if (GITHUB_SCRIPT.test(line.content)) stepIsGithubScript = true;
    const start = SCRIPT_START.exec(line.content);
    if (start) {
      scriptIndent = start[1]?.length ?? 0;
      if (stepIsGithubScript) out.push(line);
    } else if (scriptIndent !== null && (indent > scriptIndent || indent === -1)) {
      if (stepIsGithubScript) out.push(line);
    } else {
      scriptIndent = null;
    }
  }
  return out;
}
