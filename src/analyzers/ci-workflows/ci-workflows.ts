import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { analyzerFinding } from "../analyzer-finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { workflowHardeningFindings } from "./ci-workflow-hardening.ts";

/** GitHub runs workflows only from the root `.github/workflows/`; `action.yml` defines reusable actions. */
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)action\.ya?ml$/;
const PRIVILEGED_TRIGGER =
  /^\s*(-\s*)?(pull_request_target|workflow_run)\s*:?\s*$|^\s*on\s*:.*\b(pull_request_target|workflow_run)\b/;
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs\/pull\/|github\.event\.workflow_run\.head_(sha|branch)/;
const RUN_START = /^(\s*)(-\s+)?run\s*:\s*(.*)$/;
const USES = /^\s*(-\s+)?uses\s*:\s*["']?([^"'\s#]+)/;
const FULL_SHA = /@[0-9a-f]{40}$/;
const FIRST_PARTY = /^(actions|github)\//;
const UNTRUSTED_CONTEXT =
  /\$\{\{\s*github\.event\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages)\b[^}]*\b(title|body|head_ref|label|message|name|email|ref)\b[^}]*\}\}|\$\{\{\s*github\.head_ref\s*\}\}/;
const REMOTE_EXEC =
  /\bnpx\s+(-y|--yes)\b|\bnpx\s+[^|;&]*@|\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z)?sh\b|\buvx\s+\S|\bpipx\s+run\b|\bbunx\s+\S/;

/** A new-side line of a workflow file. */
export interface WorkflowLine {
  line: number;
  content: string;
  added: boolean;
  /** True when the line is part of a `run:` shell script. */
  inRun: boolean;
}

/**
 * GitHub Actions changes that hand attackers CI privileges: privileged triggers that check out
 * PR code ("pwn requests"), secrets and untrusted PR text interpolated into shell, mutable
 * third-party actions, `write-all` tokens, self-hosted runners, and remote code run in CI.
 */
export const ciWorkflows: Analyzer = {
  id: "ci-workflows",
  run({ files }) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (!WORKFLOW.test(file.path) || file.status === "removed" || file.binary) continue;
      findings.push(...workflowFindings(file));
    }
    return findings;
  },
};

function workflowFindings(file: DiffFile): Finding[] {
  const lines = workflowLines(file);
  const added = lines.filter((line) => line.added);
  if (added.length === 0) return [];
  const findings: Finding[] = [];
  const at = (line: number | null, fields: Omit<Parameters<typeof analyzerFinding>[0], "path" | "line">) =>
    findings.push(analyzerFinding({ ...fields, path: file.path, line }));

  const trigger = lines.find((line) => PRIVILEGED_TRIGGER.test(line.content));
  const headCheckout = lines.find((line) => PR_HEAD_REF.test(line.content) && !line.inRun);
  if (trigger && (trigger.added || headCheckout?.added)) {
    const name = /pull_request_target/.test(trigger.content) ? "pull_request_target" : "workflow_run";
    if (headCheckout) {
      at(headCheckout.line, {
        ruleId: "ci-workflows/privileged-checkout",
        severity: "critical",
        category: "ci",
        title: `${name} workflow checks out pull-request code`,
        message: `This workflow runs on \`${name}\` (with the base repository's secrets and a write token) and checks out the PR's code (\`${codeSnippet(headCheckout.content)}\`). Any fork can then run its own build scripts with those privileges (a "pwn request"). Use \`pull_request\` for building PR code, or split into an unprivileged build and a privileged job that only reads artifacts.`,
        riskFloor: 90,
      });
    } else {
      at(trigger.line, {
        ruleId: "ci-workflows/privileged-trigger",
        severity: "high",
        category: "ci",
        title: `Privileged trigger: ${name}`,
        message: `\`${name}\` runs with the base repository's secrets and a write token even for fork PRs. It is safe only if the workflow never checks out, builds or interpolates PR-controlled content. Prefer \`pull_request\`.`,
        riskFloor: 65,
      });
    }
  }

  let secretsInRun = 0;
  const unpinned: { line: number; uses: string }[] = [];
  for (const line of added) {
    if (line.inRun && UNTRUSTED_CONTEXT.test(line.content)) {
      at(line.line, {
        ruleId: "ci-workflows/script-injection",
        severity: "critical",
        category: "ci",
        title: "Untrusted PR text interpolated into a shell script",
        message: `\`${codeSnippet(line.content)}\` pastes attacker-controlled text (titles, bodies, branch names) into the script before it runs, so a crafted title executes commands in CI. Pass it through \`env:\` and quote the variable in the script.`,
        riskFloor: 85,
      });
    } else if (line.inRun && /\$\{\{\s*secrets\./.test(line.content) && secretsInRun++ === 0) {
      at(line.line, {
        ruleId: "ci-workflows/secret-in-run",
        severity: "high",
        category: "ci",
        title: "Secret interpolated directly into a run: script",
        message: `\`${codeSnippet(line.content)}\` expands the secret into the script text, where it can leak through logs, process lists and error output, and where quoting mistakes become injection. Map it into the step's \`env:\` and read the variable instead.`,
        riskFloor: 60,
      });
    }
    const uses = USES.exec(line.content)?.[2];
    if (
      uses &&
      !uses.startsWith("./") &&
      !uses.startsWith("docker://") &&
      !FULL_SHA.test(uses) &&
      !FIRST_PARTY.test(uses)
    ) {
      unpinned.push({ line: line.line, uses });
    }
    if (/^\s*permissions\s*:\s*write-all\b/.test(line.content)) {
      at(line.line, {
        ruleId: "ci-workflows/write-all",
        severity: "high",
        category: "ci",
        title: "Workflow token granted write-all",
        message:
          "`permissions: write-all` lets every step (and every action it uses) push code, publish releases and edit issues. Grant only the scopes the job needs, e.g. `contents: read`.",
        riskFloor: 60,
      });
    }
    if (/^\s*runs-on\s*:.*\bself-hosted\b/.test(line.content)) {
      at(line.line, {
        ruleId: "ci-workflows/self-hosted-runner",
        severity: "high",
        category: "ci",
        title: "Job runs on a self-hosted runner",
        message:
          "Self-hosted runners keep state between jobs and sit inside your network; on a public repository, fork PRs can run code on them. Restrict the workflow to trusted events or use ephemeral, isolated runners.",
        riskFloor: 60,
      });
    }
    if (line.inRun && REMOTE_EXEC.test(line.content)) {
      const exposesSecrets = stepHasSecrets(lines, line);
      at(line.line, {
        ruleId: "ci-workflows/remote-code",
        severity: exposesSecrets ? "high" : "medium",
        category: "ci",
        title: "CI downloads and runs code from the network",
        message: `\`${codeSnippet(line.content)}\` fetches a package or script at run time and executes it${exposesSecrets ? ", in a step that also receives repository secrets" : ""}. Whoever controls that package controls this job. Add it as a locked dependency, or pin it to a reviewed version with an integrity check.`,
        riskFloor: exposesSecrets ? 70 : 45,
      });
    }
  }
  findings.push(...workflowHardeningFindings(file, lines));
  const firstUnpinned = unpinned[0];
  if (firstUnpinned) {
    const names = [...new Set(unpinned.map((entry) => `\`${entry.uses}\``))];
    at(firstUnpinned.line, {
      ruleId: "ci-workflows/unpinned-action",
      severity: "medium",
      category: "ci",
      title: `Third-party action${names.length > 1 ? "s" : ""} not pinned to a commit`,
      message: `${names.slice(0, 6).join(", ")}${names.length > 6 ? ` and ${names.length - 6} more` : ""} point at tags or branches their owners can move at any time (as happened with tj-actions/changed-files), and run with this job's token and secrets. Pin each to a full 40-character commit SHA, with the version in a comment.`,
      riskFloor: 35,
    });
  }
  if (file.status === "added") {
    at(null, {
      ruleId: "ci-workflows/new-workflow",
      severity: "medium",
      category: "ci",
      title: `New CI workflow: ${file.path}`,
      message: `A new workflow runs on this repository's runners with its token and, depending on the trigger, its secrets. Review its triggers, permissions and every command and action it runs.`,
      riskFloor: 35,
    });
  }
  return findings;
}

/** The new side of every hunk, marking which lines belong to a `run:` script block. */
function workflowLines(file: DiffFile): WorkflowLine[] {
  const out: WorkflowLine[] = [];
  for (const hunk of file.hunks) {
    let runIndent: number | null = null;
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === null) continue;
      const indent = line.content.search(/\S/);
      const start = RUN_START.exec(line.content);
      let inRun = false;
      if (start) {
        // `run: echo hi` is a one-line script; `run: |` opens a block of deeper-indented lines.
        runIndent = (start[1]?.length ?? 0) + (start[2]?.length ?? 0);
        inRun = true;
      } else if (runIndent !== null && (indent > runIndent || indent === -1)) {
        inRun = true;
      } else {
        runIndent = null;
      }
      out.push({ line: line.newLine, content: line.content, added: line.kind === "add", inRun });
    }
  }
  return out;
}

/** Whether the step around a run line maps secrets into its environment. */
function stepHasSecrets(lines: readonly WorkflowLine[], runLine: WorkflowLine): boolean {
  const index = lines.indexOf(runLine);
  let start = index;
  while (start >= 0 && !/^\s*-\s/.test(lines[start]?.content ?? "")) start--;
  const dashIndent = start >= 0 ? (lines[start]?.content.search(/\S/) ?? 0) : -1;
  let end = index + 1;
  while (end < lines.length) {
    const content = lines[end]?.content ?? "";
    const indent = content.search(/\S/);
    if (indent !== -1 && (indent < dashIndent || (indent === dashIndent && /^\s*-\s/.test(content)))) break;
    end++;
  }
  return lines.slice(Math.max(start, 0), end).some((line) => /\$\{\{\s*secrets\./.test(line.content));
}
