import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import { analyzerFinding } from "../analyzer-finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import type { WorkflowLine } from "./ci-workflows.ts";
import { workflowDocument } from "./workflow-document.ts";

/**
 * Contexts an outside contributor controls, from GitHub's "Security hardening for GitHub
 * Actions" list (titles, bodies, messages, branch names, author names and emails, page names).
 */
const UNTRUSTED_EXPRESSION =
  /\$\{\{[^}]*\b(?:github\.event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages\b[^}]*\.page_name|commits\b[^}]*\.(?:message|author\.(?:email|name))|head_commit\.(?:message|author\.(?:email|name))|workflow_run\.(?:head_branch|head_commit\.(?:message|author\.(?:email|name))|display_title|pull_requests\b[^}]*\.head\.ref))|github\.head_ref)\b[^}]*\}\}/;
/** The same contexts as a `workflow_run` workflow receives them, from the triggering run. */
const WORKFLOW_RUN_EXPRESSION =
  /\$\{\{[^}]*\bgithub\.event\.workflow_run\.(?:head_branch|head_commit\.(?:message|author\.(?:email|name))|display_title|pull_requests\b[^}]*\.head\.ref)\b[^}]*\}\}/;
const WORKFLOW_COMMAND = /::(set-env|add-path)\b/;
const UNSECURE_COMMANDS = /ACTIONS_ALLOW_UNSECURE_COMMANDS\s*:\s*["']?true/i;
const PR_FETCH_IN_SHELL = /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull\/[^/\n]+\/(?:head|merge)\b/;
const TRIGGER_LINE =
  /^\s*(?:-\s*)?(pull_request_target|workflow_run)\s*:?\s*(?:#.*)?$|^\s*on\s*:.*\b(pull_request_target|workflow_run)\b/;
const SCRIPT_START = /^(\s*)(-\s+)?script\s*:\s*(.*)$/;
const GITHUB_SCRIPT = /^\s*(-\s+)?uses\s*:\s*["']?actions\/github-script@/;

type At = (line: number, fields: Omit<Parameters<typeof analyzerFinding>[0], "path" | "line">) => void;

/**
 * The injections GitHub's security-hardening guide names that `ci-workflows`' older rules miss:
 * untrusted text in `actions/github-script`, the disabled `set-env`/`add-path` commands,
 * `workflow_run` branch names and messages in shell, and fetching PR code from a
 * `pull_request_target` job's shell. Only added lines are reported.
 */
export function workflowHardeningFindings(file: DiffFile, lines: readonly WorkflowLine[]): Finding[] {
  const findings: Finding[] = [];
  const at: At = (line, fields) => findings.push(analyzerFinding({ ...fields, path: file.path, line }));
  const document = workflowDocument(file);
  const triggers = document?.triggers ?? visibleTriggers(lines);
  githubScriptInjection(lines, document?.githubScripts, at);
  for (const line of lines) {
    if (!line.added) continue;
    workflowCommand(line, at);
    if (line.inRun && triggers.has("workflow_run") && WORKFLOW_RUN_EXPRESSION.test(line.content)) {
      at(line.line, {
        ruleId: "ci-workflows/workflow-run-injection",
        severity: "critical",
        category: "ci",
        title: "workflow_run pastes the triggering branch or commit message into a shell script",
        message: `\`${codeSnippet(line.content)}\` runs in a \`workflow_run\` workflow, which has the base repository's secrets and a write token, yet the branch name and commit message come from whoever pushed the triggering run (any fork). A branch named \`$(curl …|sh)\` runs in this job. Pass the value through \`env:\` and quote the variable.`,
        riskFloor: 85,
      });
    }
    if (line.inRun && triggers.has("pull_request_target") && PR_FETCH_IN_SHELL.test(line.content)) {
      at(line.line, {
        ruleId: "ci-workflows/privileged-pr-fetch",
        severity: "critical",
        category: "ci",
        title: "pull_request_target workflow fetches pull-request code in its shell",
        message: `\`${codeSnippet(line.content)}\` brings the PR's code into a \`pull_request_target\` job, which runs with the base repository's secrets and a write token: any build or script step after it runs the fork's code with those privileges (a "pwn request"). Build PR code under \`pull_request\`, and keep the privileged job to reading its artifacts.`,
        riskFloor: 90,
      });
    }
  }
  return findings;
}

function workflowCommand(line: WorkflowLine, at: At): void {
  const command = WORKFLOW_COMMAND.exec(line.content)?.[1];
  if (command) {
    at(line.line, {
      ruleId: "ci-workflows/unsecure-command",
      severity: "medium",
      category: "ci",
      title: `Disabled workflow command ::${command}`,
      message: `\`${codeSnippet(line.content)}\` uses \`::${command}\`, which GitHub disabled in 2020 because any text a step prints (a PR title in a log line) could set environment variables or PATH for later steps. The step fails unless unsecure commands are re-enabled. Write to \`$GITHUB_ENV\` or \`$GITHUB_PATH\` instead.`,
      riskFloor: 35,
    });
  }
  if (UNSECURE_COMMANDS.test(line.content)) {
    at(line.line, {
      ruleId: "ci-workflows/unsecure-commands-enabled",
      severity: "high",
      category: "ci",
      title: "Unsecure workflow commands re-enabled",
      message:
        "`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` brings back `::set-env` and `::add-path`, so anything printed to the log (issue titles, PR text, tool output) can inject environment variables or PATH entries into later steps. Remove it and write to `$GITHUB_ENV` or `$GITHUB_PATH`.",
      riskFloor: 60,
    });
  }
}

function githubScriptInjection(
  lines: readonly WorkflowLine[],
  scripts: readonly { text: string; firstLine: number }[] | undefined,
  at: At,
): void {
  const added = new Set(lines.filter((line) => line.added).map((line) => line.line));
  const candidates = scripts
    ? scripts.flatMap(({ text, firstLine }) =>
        text.split("\n").map((content, index) => ({ line: firstLine + index, content })),
      )
    : scriptLinesInView(lines);
  for (const candidate of candidates) {
    if (!added.has(candidate.line) || !UNTRUSTED_EXPRESSION.test(candidate.content)) continue;
    at(candidate.line, {
      ruleId: "ci-workflows/github-script-injection",
      severity: "critical",
      category: "ci",
      title: "Untrusted PR or issue text interpolated into actions/github-script",
      message: `\`${codeSnippet(candidate.content)}\` expands attacker-controlled text into the JavaScript that \`actions/github-script\` runs with the job's token, before it runs: a title like \`"); await github.rest.repos.delete(…); ("\` executes. Pass the value through \`env:\` and read \`process.env\`, or read it from \`context.payload\`.`,
      riskFloor: 85,
    });
  }
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
    if (/^\s*-\s/.test(line.content) && (stepIndent === -1 || indent === stepIndent)) {
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

function visibleTriggers(lines: readonly WorkflowLine[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    const match = TRIGGER_LINE.exec(line.content);
    const name = match?.[1] ?? match?.[2];
    if (name) names.add(name);
  }
  return names;
}
