import { type AddedLine, addedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import type { AnalyzerRule } from "../analyzer-rule.ts";
import { codeSnippet } from "../code-snippet.ts";
import { isProhibition } from "../is-prohibition.ts";
import { ruleFinding } from "../rule-finding.ts";
import { AGENT_CONFIG_RULES } from "./agent-config-rules.ts";
import { isAgentInstructionFile, isAgentSettingsFile } from "./is-agent-config-file.ts";

/** A rule of the catalogue and the added text it matches. */
interface ContentRule {
  rule: AnalyzerRule;
  pattern: RegExp;
}

/** What makes an instruction file dangerous rather than merely new. */
const INSTRUCTION_RULES: readonly ContentRule[] = [
  {
    rule: AGENT_CONFIG_RULES.remoteScript,
    pattern:
      /\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+)?(ba|z)?sh\b|\b(iwr|Invoke-WebRequest|irm)\b[^\n|]*\|\s*iex\b|bash\s+<\(\s*curl|\bnpx\s+(-y|--yes)\s/i,
  },
  {
    rule: AGENT_CONFIG_RULES.injection,
    pattern:
      /ignore (all |any )?(previous|prior|above|earlier) (instructions|rules)|do not (tell|inform|mention|reveal)[^.\n]{0,40}(user|human|developer)|without (telling|informing|notifying) the (user|human)|secretly|hide (this|these|it) from/i,
  },
  {
    rule: AGENT_CONFIG_RULES.exfiltration,
    pattern:
      /(send|upload|post|forward|exfiltrate|share)\b[^\n]{0,60}(\.env\b|secret|token|api[_ ]?key|credential|ssh|password)|(\.env\b|~\/\.ssh|id_rsa|\.aws\/credentials)[^\n]{0,60}\b(send|upload|post|curl|include)/i,
  },
  {
    rule: AGENT_CONFIG_RULES.autoRun,
    pattern:
      /(always|automatically) (run|execute)\b[^\n]{0,60}\b(without|automatically|curl|wget|npx|bash|powershell|https?:)|run (it|this|them|commands?) automatically|without (asking|confirmation|approval|permission)|(do not|don't|never) ask (the user )?(for )?(confirmation|permission|approval) (before|to|when)|auto[- ]?approve|--dangerously-skip-permissions|\byolo mode\b/i,
  },
  {
    rule: AGENT_CONFIG_RULES.mandatoryTool,
    pattern:
      /\b(MUST|ALWAYS)\b[^\n]{0,40}\b(call|invoke|use|run)\b[^\n]{0,40}(`[\w.-]+`|\bMCP\b|\btool\b)|connected to [^\n]{0,40}\bMCP\b/,
  },
];

/** Agent harness settings that execute, permit or redirect. */
const SETTINGS_RULES: readonly ContentRule[] = [
  {
    rule: AGENT_CONFIG_RULES.baseUrlOverride,
    pattern:
      /(ANTHROPIC|OPENAI|CLAUDE|GEMINI|GOOGLE|AZURE_OPENAI)_(BASE_URL|API_BASE|ENDPOINT)|apiKeyHelper|"baseUrl"|base_url/i,
  },
  {
    rule: AGENT_CONFIG_RULES.bypassPermissions,
    pattern:
      /bypassPermissions|dangerously-?skip-?permissions|"defaultMode"\s*:\s*"(acceptEdits|bypassPermissions)"|"allow"\s*:\s*\[\s*"\*"|Bash\(\*\)|"Bash"\s*[,\]]/i,
  },
  {
    rule: AGENT_CONFIG_RULES.hooks,
    pattern:
      /"hooks"\s*:|"(PreToolUse|PostToolUse|UserPromptSubmit|SessionStart|Stop|Notification)"\s*:|"command"\s*:/,
  },
  {
    rule: AGENT_CONFIG_RULES.permissions,
    pattern: /"(allow|permissions|allowedTools|autoApprove|trustedFolders)"\s*:|Bash\(|WebFetch\(/,
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
  const firsts = files.map((file) => ({ file, firstAdded: addedLines(file)[0] }));
  const withAdditions = firsts.filter(({ firstAdded }) => firstAdded !== undefined);
  const anchor = withAdditions[0] ?? firsts[0];
  const removedOnly = withAdditions.length === 0;
  const list = files
    .slice(0, 8)
    .map((file) => `\`${file.path}\` (${file.status === "removed" ? "deleted" : file.status})`)
    .join(", ");
  const more = files.length > 8 ? ` and ${files.length - 8} more` : "";
  const rule = AGENT_CONFIG_RULES.instructionsChanged;
  return ruleFinding(rule, {
    ...(removedOnly && { variant: rule.variants[0] }),
    title: `AI-agent instructions changed (${files.length} ${files.length === 1 ? "file" : "files"})`,
    message: removedOnly
      ? `Agent instructions were removed: ${list}${more}. Check that no safety guidance for agents was dropped.`
      : `Changed: ${list}${more}. ${rule.why} ${rule.fix}`,
    path: anchor?.file.path ?? null,
    line: anchor?.firstAdded?.line ?? null,
  });
}

/** One finding per rule per file, on the first matching added line: the rest add nothing to act on. */
function contentFindings(file: DiffFile, rules: readonly ContentRule[], kind: string): Finding[] {
  const added: AddedLine[] = addedLines(file);
  const findings: Finding[] = [];
  for (const { rule, pattern } of rules) {
    const matches = added.filter((line) => {
      const match = pattern.exec(line.content);
      return (
        match !== null && (rule === AGENT_CONFIG_RULES.injection || !isProhibition(line.content, match.index))
      );
    });
    const first = matches[0];
    if (!first) continue;
    const others = matches.length > 1 ? ` (and ${matches.length - 1} more lines)` : "";
    findings.push(
      ruleFinding(rule, {
        message: `Agent ${kind} \`${file.path}\` line ${first.line}${others}: \`${codeSnippet(first.content)}\`. ${rule.why} ${rule.fix}`,
        path: file.path,
        line: first.line,
      }),
    );
  }
  return findings;
}
