import type { DiffFile } from "../../diff/diff-model.ts";

/** One entry of an MCP config's server table, as written. */
export interface McpServer {
  name: string;
  command?: unknown;
  args?: unknown;
  env?: unknown;
  url?: unknown;
  serverUrl?: unknown;
}

/** Servers from the new file, when it is added whole or the hunks cover it; otherwise none. */
export function parseMcpServers(file: DiffFile): McpServer[] {
  const hunk = file.hunks[0];
  if (file.hunks.length !== 1 || hunk === undefined || hunk.newStart > 1) return [];
  const text = hunk.lines
    .filter((line) => line.kind !== "del")
    .map((line) => line.content)
    .join("\n");
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonComments(text));
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object") return [];
  const root = parsed as Record<string, unknown>;
  const mcp = root.mcp as Record<string, unknown> | undefined;
  const table = root.mcpServers ?? root.servers ?? root.context_servers ?? mcp?.servers;
  if (!table || typeof table !== "object") return [];
  return Object.entries(table as Record<string, unknown>).flatMap(([name, value]) =>
    value && typeof value === "object" ? [{ name, ...(value as Omit<McpServer, "name">) }] : [],
  );
}

/** VS Code's mcp.json is JSONC; drop line comments and trailing commas so JSON.parse reads it. */
function stripJsonComments(text: string): string {
  return text.replace(/^\s*\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1");
}
