import { baseName } from "../../diff/file-kinds.ts";

/**
 * Files that instruct AI coding agents. Agents obey them with the developer's privileges, so a
 * change there is a change to what runs on every contributor's machine.
 */
const INSTRUCTION_NAMES = new Set([
  "AGENTS.md",
  "AGENT.md",
  "CLAUDE.md",
  "CLAUDE.local.md",
  "GEMINI.md",
  ".cursorrules",
  ".windsurfrules",
  ".clinerules",
  ".roorules",
  ".goosehints",
  ".rules",
  "copilot-instructions.md",
  "SKILL.md",
]);
const INSTRUCTION_DIRS =
  /(^|\/)(\.cursor\/rules|\.github\/instructions|\.github\/prompts|\.github\/chatmodes|\.windsurf\/rules|\.clinerules|\.roo\/rules[^/]*|\.claude\/(commands|agents|skills)|\.agents?\/|\.codex\/|\.gemini\/|\.junie\/|\.kiro\/steering)(\/|$)/;
const INSTRUCTION_SUFFIX = /\.(instructions|prompt|chatmode)\.md$/i;

export function isAgentInstructionFile(path: string): boolean {
  const name = baseName(path);
  if (INSTRUCTION_NAMES.has(name)) return true;
  if (INSTRUCTION_SUFFIX.test(name)) return true;
  return INSTRUCTION_DIRS.test(path) && !/\.(png|jpe?g|gif|svg|ico)$/i.test(name);
}

/** Agent harness settings: hooks run shell commands, permissions decide what runs unasked. */
export function isAgentSettingsFile(path: string): boolean {
  return (
    /(^|\/)\.claude\/settings[^/]*\.json$/.test(path) ||
    /(^|\/)\.gemini\/settings\.json$/.test(path) ||
    /(^|\/)\.cursor\/(hooks|cli|environment)\.json$/.test(path) ||
    /(^|\/)\.codex\/config\.toml$/.test(path)
  );
}

/** Model Context Protocol server lists, which make an agent launch or connect to servers. */
export function isMcpConfigFile(path: string): boolean {
  const name = baseName(path);
  return (
    name === "mcp.json" ||
    name === ".mcp.json" ||
    name === "mcp_config.json" ||
    name === "mcp_settings.json" ||
    name === "cline_mcp_settings.json" ||
    /(^|\/)\.(vscode|cursor|roo|amazonq|gemini|kiro\/settings)\/mcp\.json$/.test(path) ||
    /(^|\/)claude_desktop_config\.json$/.test(path)
  );
}

export function isAgentConfigFile(path: string): boolean {
  return isAgentInstructionFile(path) || isAgentSettingsFile(path) || isMcpConfigFile(path);
}
