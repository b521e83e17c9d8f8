import { type AddedLine, addedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding, Severity } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { analyzerFinding } from "../analyzer-finding.ts";
import { codeSnippet } from "../code-snippet.ts";
import { isProhibition } from "../is-prohibition.ts";
import { isAgentInstructionFile, isAgentSettingsFile } from "./agent-config-paths.ts";

interface ContentRule {
  id: string;
  pattern: RegExp;
  severity: Severity;
  riskFloor: number;
  title: string;
  why: string;
}

/** What makes an instruction file dangerous rather than merely new. */
const INSTRUCTION_RULES: readonly ContentRule[] = [
  {
    id: "remote-script",
    pattern:
      /\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+)?(ba|z)?sh\b|\b(iwr|Invoke-WebRequest|irm)\b[^\n|]*\|\s*iex\b|bash\s+<\(\s*curl|\bnpx\s+(-y|--yes)\s/i,
    severity: "critical",
    riskFloor: 85,
    title: "Agent told to download and run a remote script",
    why: "An agent that follows this executes whatever the remote server returns, with the developer's credentials.",
  },
  {
    id: "injection",
    pattern:
      /ignore (all |any )?(previous|prior|above|earlier) (instructions|rules)|do not (tell|inform|mention|reveal)[^.\n]{0,40}(user|human|developer)|without (telling|informing|notifying) the (user|human)|secretly|hide (this|these|it) from/i,
    severity: "critical",
    riskFloor: 85,
    title: "Agent rules contain prompt-injection language",
    why: "Telling an agent to override earlier instructions or to keep something from the user is how a rules file is turned against its reader.",
  },
  {
    id: "exfiltration",
    pattern:
      /(send|upload|post|forward|exfiltrate|share)\b[^\n]{0,60}(\.env\b|secret|token|api[_ ]?key|credential|ssh|password)|(\.env\b|~\/\.ssh|id_rsa|\.aws\/credentials)[^\n]{0,60}\b(send|upload|post|curl|include)/i,
    severity: "critical",
    riskFloor: 85,
    title: "Agent rules mention sending secrets or credentials",
    why: "Instructions that move secrets out of the workspace are the goal of most rules-file attacks.",
  },
  {
    id: "auto-run",
    pattern:
      /(always|automatically) (run|execute)\b[^\n]{0,60}\b(without|automatically|curl|wget|npx|bash|powershell|https?:)|run (it|this|them|commands?) automatically|without (asking|confirmation|approval|permission)|(do not|don't|never) ask (the user )?(for )?(confirmation|permission|approval) (before|to|when)|auto[- ]?approve|--dangerously-skip-permissions|\byolo mode\b/i,
    severity: "high",
    riskFloor: 70,
    title: "Agent told to run commands without asking",
    why: "Removing the human confirmation step means any command the agent is talked into runs unseen.",
  },
  {
    id: "mandatory-tool",
    pattern:
      /\b(MUST|ALWAYS)\b[^\n]{0,40}\b(call|invoke|use|run)\b[^\n]{0,40}(`[\w.-]+`|\bMCP\b|\btool\b)|connected to [^\n]{0,40}\bMCP\b/,
    severity: "high",
    riskFloor: 60,
    title: "Agent required to call an external tool on every change",
    why: "Mandatory tool calls route the agent's view of the code (and possibly secrets) through a third-party server, and let that server steer the agent.",
  },
];

/** Agent harness settings that execute, permit or redirect. */
const SETTINGS_RULES: readonly ContentRule[] = [
  {
    id: "base-url-override",
    pattern:
      /(ANTHROPIC|OPENAI|CLAUDE|GEMINI|GOOGLE|AZURE_OPENAI)_(BASE_URL|API_BASE|ENDPOINT)|apiKeyHelper|"baseUrl"|base_url/i,
    severity: "critical",
    riskFloor: 85,
    title: "Agent API endpoint or key helper overridden",
    why: "Redirecting the model endpoint sends every prompt (source code, secrets in context) to another server, which can also answer as the model.",
  },
  {
    id: "bypass-permissions",
    pattern:
      /bypassPermissions|dangerously-?skip-?permissions|"defaultMode"\s*:\s*"(acceptEdits|bypassPermissions)"|"allow"\s*:\s*\[\s*"\*"|Bash\(\*\)|"Bash"\s*[,\]]/i,
    severity: "critical",
    riskFloor: 85,
    title: "Agent permissions opened wide",
    why: "The agent may now run any shell command without a human confirming it.",
  },
  {
    id: "hooks",
    pattern:
      /"hooks"\s*:|"(PreToolUse|PostToolUse|UserPromptSubmit|SessionStart|Stop|Notification)"\s*:|"command"\s*:/,
    severity: "high",
    riskFloor: 75,
    title: "Agent hook runs a shell command",
    why: "Hooks execute automatically on agent events, on every contributor's machine that opens the repository with the agent.",
  },
  {
    id: "permissions",
    pattern: /"(allow|permissions|allowedTools|autoApprove|trustedFolders)"\s*:|Bash\(|WebFetch\(/,
    severity: "high",
    riskFloor: 65,
    title: "Agent permission allow-list changed",
    why: "Allow-listed tools and commands run without asking, so each entry is a standing permission for anyone who can influence the agent.",
  },
];

/**
 * Changes to what AI coding agents read and obey. Every change to an instruction file is
 * surfaced (agents act on it with developer privileges); content that runs, hides, exfiltrates
 * or removes confirmation raises the severity.
 */
export const agentConfig: Analyzer = {
  id: "agent-config",
  run({ files }) {
    const findings: Finding[] = [];
    const instructionFiles: DiffFile[] = [];
    for (const file of files) {
      if (file.binary) continue;
      if (isAgentSettingsFile(file.path)) findings.push(...contentFindings(file, SETTINGS_RULES, "settings"));
      else if (isAgentInstructionFile(file.path)) {
        instructionFiles.push(file);
        findings.push(...contentFindings(file, INSTRUCTION_RULES, "instructions"));
      }
    }
    const changed = instructionsChanged(instructionFiles);
    return changed ? [changed, ...findings] : findings;
  },
};

/** One finding for all changed instruction files: the same advice eight times is noise. */
function instructionsChanged(files: readonly DiffFile[]): Finding | null {
  if (files.length === 0) return null;
  const withAdditions = files.filter((file) => addedLines(file).length > 0);
  const anchor = withAdditions[0] ?? files[0];
  const removedOnly = withAdditions.length === 0;
  const list = files
    .slice(0, 8)
    .map((file) => `\`${file.path}\` (${file.status === "removed" ? "deleted" : file.status})`)
    .join(", ");
  const more = files.length > 8 ? ` and ${files.length - 8} more` : "";
  return analyzerFinding({
    ruleId: "agent-config/instructions-changed",
    severity: removedOnly ? "low" : "medium",
    category: "agent-config",
    title: `AI-agent instructions changed (${files.length} ${files.length === 1 ? "file" : "files"})`,
    message: removedOnly
      ? `Agent instructions were removed: ${list}${more}. Check that no safety guidance for agents was dropped.`
      : `Changed: ${list}${more}. AI coding agents read and obey these files with the developer's permissions on every machine that opens this repository. Read the full text as if it were code: who wrote it, what it makes agents do, and which tools or servers it sends them to.`,
    riskFloor: removedOnly ? 15 : 45,
    path: anchor?.path ?? null,
    line: anchor ? (addedLines(anchor)[0]?.line ?? null) : null,
  });
}

/** One finding per rule per file, on the first matching added line: the rest add nothing to act on. */
function contentFindings(file: DiffFile, rules: readonly ContentRule[], kind: string): Finding[] {
  const added: AddedLine[] = addedLines(file);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const matches = added.filter((line) => {
      const match = rule.pattern.exec(line.content);
      return match !== null && (rule.id === "injection" || !isProhibition(line.content, match.index));
    });
    const first = matches[0];
    if (!first) continue;
    const others = matches.length > 1 ? ` (and ${matches.length - 1} more lines)` : "";
    findings.push(
      analyzerFinding({
        ruleId: `agent-config/${rule.id}`,
        severity: rule.severity,
        category: "agent-config",
        title: rule.title,
        message: `Agent ${kind} \`${file.path}\` line ${first.line}${others}: \`${codeSnippet(first.content)}\`. ${rule.why} Confirm a maintainer wants this; otherwise remove it.`,
        riskFloor: rule.riskFloor,
        path: file.path,
        line: first.line,
      }),
    );
  }
  return findings;
}
