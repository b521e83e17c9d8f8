import { addedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

const UNTRUSTED_HOST = DEPENDENCY_RULES.lockfileUntrustedHost;

/** Diff-only fallback: added `resolved` lines whose host is not an allowed registry. */
export function lockfileHostFindings(file: DiffFile, allowedHosts: readonly string[]): Finding[] {
  const offHost = new Map<string, { line: number; url: string }>();
  for (const { line, content } of addedLines(file)) {
    const resolved = /"?resolved"?\s*[:=]?\s*"?(https?:\/\/[^"\s#]+)/.exec(content)?.[1];
    const host = resolved ? (URL.parse(resolved)?.host ?? resolved) : null;
    if (resolved && host !== null && !allowedHosts.includes(host) && !offHost.has(host)) {
      offHost.set(host, { line, url: resolved });
    }
  }
  const [first] = offHost.values();
  if (!first) return [];
  const urls = [...offHost.values()].map((entry) => `\`${entry.url.slice(0, 160)}\``).join(", ");
  return [
    ruleFinding(UNTRUSTED_HOST, {
      title: `Lockfile resolves packages from ${offHost.size === 1 ? "an unexpected host" : `${offHost.size} unexpected hosts`}: ${[...offHost.keys()].join(", ")}`,
      message: `${urls} ${offHost.size === 1 ? "is not an allowed registry" : "are not allowed registries"} (config \`dependencies.allowedRegistries\`: ${allowedHosts.join(", ")}). A lockfile entry pointing elsewhere downloads code nobody reviewed. ${UNTRUSTED_HOST.fix}`,
      path: file.path,
      line: first.line,
    }),
  ];
}
