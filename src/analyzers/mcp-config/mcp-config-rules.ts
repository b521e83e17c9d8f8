import type { AnalyzerRule } from "../analyzer-rule.ts";

/** The `mcp-config` rules: each MCP server is code an agent launches, or a host it trusts. */
export const MCP_CONFIG_RULES = {
  changed: {
    id: "mcp-config/changed",
    category: "agent-config",
    severity: "medium",
    riskFloor: 40,
    title: "MCP server configuration changed",
    why: "Agents launch or connect to the servers listed in an MCP configuration with the developer's access.",
    fix: "Check each server's source, version and the data it can reach.",
  },
  exposedServer: {
    id: "mcp-config/exposed-server",
    category: "agent-config",
    severity: "high",
    riskFloor: 75,
    title: "MCP server bound to a non-loopback address",
    why: "A server reachable from the network lets anyone on it drive the tools the agent uses (files, shell, tokens).",
    fix: "Bind to 127.0.0.1.",
  },
  remoteServer: {
    id: "mcp-config/remote-server",
    category: "agent-config",
    severity: "medium",
    riskFloor: 50,
    title: "Remote MCP server added",
    why: "The agent sends tool calls, and with them code and context, to a remote server and acts on what it answers.",
    fix: "Confirm who operates it and what it receives.",
  },
  unpinnedPackage: {
    id: "mcp-config/unpinned-package",
    category: "agent-config",
    severity: "high",
    riskFloor: 70,
    title: "MCP server runs an unpinned package",
    why: "`npx -y`, `uvx` and similar runners download and execute the newest published release every time the agent starts, so a hijacked or typosquatted release runs with the developer's access.",
    fix: "Pin an exact version (`pkg@x.y.z`) after reviewing it.",
  },
  broadFilesystem: {
    id: "mcp-config/broad-filesystem",
    category: "agent-config",
    severity: "high",
    riskFloor: 70,
    title: "MCP server given a broad filesystem root",
    why: "A server rooted at a whole disk or home directory can read and write everything under it, including SSH keys and credentials.",
    fix: "Limit it to the project directory.",
  },
  inlineSecret: {
    id: "mcp-config/inline-secret",
    category: "agent-config",
    severity: "critical",
    riskFloor: 85,
    title: "Secret written inline in MCP server env",
    why: "A literal secret in a committed MCP configuration is readable by everyone with read access to the repository.",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the `${env:NAME}` syntax MCP hosts expand, quoted for the docs.
    fix: "Rotate it and reference an environment variable or input (`${env:NAME}`) instead.",
  },
} as const satisfies Record<string, AnalyzerRule>;
