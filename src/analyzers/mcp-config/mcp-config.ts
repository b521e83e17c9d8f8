import { type AddedLine, addedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import { isMcpConfigFile } from "../agent-config/is-agent-config-file.ts";
import type { Analyzer } from "../analyzer.ts";
import type { AnalyzerRule } from "../analyzer-rule.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { MCP_CONFIG_RULES } from "./mcp-config-rules.ts";
import { parseMcpServers } from "./parse-mcp-servers.ts";

const ALL_INTERFACES =
  /(^|[^\d.])0\.0\.0\.0([^\d.]|$)|"(host|bind|hostname)"\s*:\s*"(::|\*|[^"]*\.[^"]*)"|--(host|bind)[= ]+(?!127\.0\.0\.1|localhost|::1)\S+/;
const LOOPBACK = /127\.0\.0\.1|localhost|::1/;
const RUNNER = /\b(npx|bunx|pnpm dlx|uvx|pipx run)\b/;
/** A package argument with an exact version: `pkg@1.2.3`, `@scope/pkg@1.2.3`, `pkg==1.2.3`. */
const PINNED_PACKAGE = /^(@[\w.-]+\/)?[\w.-]+(@\d+\.\d+\.\d+[\w.+-]*|==\d[\w.+-]*)$/;
const BROAD_ROOT =
  /^(\/|~\/?|\$\{?HOME\}?\/?|%USERPROFILE%|[A-Za-z]:\\{1,2}|\/(Users|home|etc|var|root)\/?)$/;
const SECRET_KEY = /(key|token|secret|password|passwd|credential|auth)/i;
const ENV_REFERENCE = /^\$\{|^\$[A-Z_]|^env:|\$\{(env|input):|^<|^$|^your|^xxx/i;
const REMOTE_URL = /"(url|serverUrl|httpUrl|endpoint)"\s*:\s*"(https?:\/\/[^"]+)"/;

const { exposedServer: EXPOSED, remoteServer: REMOTE, broadFilesystem: BROAD } = MCP_CONFIG_RULES;

/**
 * Model Context Protocol configs: each server is code an agent launches or a host it trusts.
 * Flags servers exposed on all interfaces, unpinned `npx -y`/`uvx` launches, filesystem access
 * to whole disks or home directories, literal secrets in `env`, and new remote servers.
 */
export const mcpConfig: Analyzer = {
  id: "mcp-config",
  run({ files }) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (!isMcpConfigFile(file.path) || file.status === "removed" || file.binary) continue;
      const added = addedLines(file);
      if (added.length === 0) continue;
      findings.push(
        ruleFinding(MCP_CONFIG_RULES.changed, {
          title: `${MCP_CONFIG_RULES.changed.title}: ${file.path}`,
          message: `Agents launch or connect to the servers listed in \`${file.path}\` with the developer's access. ${MCP_CONFIG_RULES.changed.fix}`,
          path: file.path,
          line: added[0]?.line ?? null,
        }),
      );
      findings.push(...serverFindings(file, added));
    }
    return findings;
  },
};

function serverFindings(file: DiffFile, added: readonly AddedLine[]): Finding[] {
  const findings: Finding[] = [];
  const lineOf = (needle: string) =>
    added.find((line) => line.content.includes(needle))?.line ?? added[0]?.line ?? null;
  const push = (rule: AnalyzerRule, title: string, message: string, line: number | null) =>
    findings.push(ruleFinding(rule, { title, message, path: file.path, line }));

  for (const { line, content } of added) {
    if (ALL_INTERFACES.test(content) && !LOOPBACK.test(content)) {
      push(
        EXPOSED,
        EXPOSED.title,
        `\`${codeSnippet(content)}\` makes the server reachable from the network, so anyone on it can drive the tools the agent uses (files, shell, tokens). ${EXPOSED.fix}`,
        line,
      );
    }
    const url = REMOTE_URL.exec(content)?.[2];
    if (url && !LOOPBACK.test(url)) {
      push(
        REMOTE,
        `${REMOTE.title}: ${codeSnippet(url, 80)}`,
        `The agent will send tool calls, and with them code and context, to \`${codeSnippet(url, 120)}\`, and act on what it answers. ${REMOTE.fix}`,
        line,
      );
    }
  }

  // Whole-file checks need structure: parse the new file when the diff shows all of it.
  for (const server of parseMcpServers(file)) {
    const args = Array.isArray(server.args)
      ? server.args.filter((a): a is string => typeof a === "string")
      : [];
    const command = typeof server.command === "string" ? server.command : "";
    const launch = [command, ...args].join(" ");
    if (RUNNER.test(launch)) {
      const pkg = args.find((arg) => !arg.startsWith("-") && arg !== "dlx" && arg !== "run");
      if (pkg && !PINNED_PACKAGE.test(pkg)) {
        push(
          MCP_CONFIG_RULES.unpinnedPackage,
          `${MCP_CONFIG_RULES.unpinnedPackage.title}: ${codeSnippet(pkg, 80)}`,
          `Server \`${server.name}\` runs \`${codeSnippet(launch, 120)}\`, which downloads and executes the newest published \`${pkg}\` every time the agent starts. A hijacked or typosquatted release runs with the developer's access. Pin an exact version (\`${pkg}@x.y.z\`) after reviewing it.`,
          lineOf(pkg),
        );
      }
    }
    const broad = args.find((arg) => BROAD_ROOT.test(arg.trim()));
    if (broad !== undefined) {
      push(
        BROAD,
        `${BROAD.title}: ${broad}`,
        `Server \`${server.name}\` can read and write everything under \`${broad}\`, including SSH keys and credentials. ${BROAD.fix}`,
        lineOf(broad),
      );
    }
    if (server.env && typeof server.env === "object") {
      for (const [key, value] of Object.entries(server.env)) {
        if (
          typeof value !== "string" ||
          !SECRET_KEY.test(key) ||
          ENV_REFERENCE.test(value) ||
          value.length < 8
        )
          continue;
        push(
          MCP_CONFIG_RULES.inlineSecret,
          `${MCP_CONFIG_RULES.inlineSecret.title}: ${key}`,
          `Server \`${server.name}\` has a literal value for \`${key}\` in a committed file, so everyone with read access has it. Rotate it and reference an environment variable or input (\`\${env:${key}}\`) instead.`,
          lineOf(`"${key}"`),
        );
      }
    }
  }
  return findings;
}
