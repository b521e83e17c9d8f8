import { addedLines, removedLines } from "../../diff/added-lines.ts";
import { baseName } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { analyzerFinding } from "../analyzer-finding.ts";

const PACKAGE_MANAGER_CONFIG = new Set([
  ".npmrc",
  ".yarnrc",
  ".yarnrc.yml",
  "bunfig.toml",
  ".pnpmfile.cjs",
  "pip.conf",
  ".pypirc",
]);

/** Settings whose removal (or reversal) re-opens an install-time attack path. */
const HARDENING: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /^\s*ignore-scripts\s*=\s*true/i,
    why: "dependencies' install scripts run again on every install",
  },
  {
    pattern: /^\s*enableScripts\s*:\s*false/i,
    why: "dependencies' install scripts run again on every install",
  },
  { pattern: /^\s*min-release-age\s*=/i, why: "brand-new (possibly hijacked) releases install immediately" },
  {
    pattern: /^\s*minimumReleaseAge\s*[:=]/i,
    why: "brand-new (possibly hijacked) releases install immediately",
  },
  { pattern: /^\s*allow-git\s*=\s*none/i, why: "dependencies may again be fetched from git repositories" },
  {
    pattern: /^\s*strict-ssl\s*=\s*true/i,
    why: "TLS certificate checks for the registry are no longer enforced",
  },
  { pattern: /^\s*audit\s*=\s*true/i, why: "known-vulnerable versions install without a warning" },
  { pattern: /^\s*package-lock\s*=\s*true/i, why: "installs are no longer locked to reviewed versions" },
];

const WEAKENING: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /^\s*ignore-scripts\s*=\s*false/i, why: "turns dependencies' install scripts back on" },
  { pattern: /^\s*enableScripts\s*:\s*true/i, why: "turns dependencies' install scripts back on" },
  {
    pattern: /^\s*strict-ssl\s*=\s*false/i,
    why: "accepts any TLS certificate from the registry (man-in-the-middle)",
  },
  { pattern: /^\s*unsafe-perm\s*=\s*true/i, why: "runs install scripts as root" },
  {
    pattern: /^\s*enableStrictSsl\s*:\s*false/i,
    why: "accepts any TLS certificate from the registry (man-in-the-middle)",
  },
];

const DEFAULT_REGISTRY =
  /registry\.npmjs\.org|registry\.yarnpkg\.com|pypi\.org\/simple|npm\.pkg\.github\.com/;
const REGISTRY_LINE =
  /^\s*(@[\w-]+:)?registry\s*=\s*(\S+)|^\s*npmRegistryServer\s*:\s*"?(\S+?)"?\s*$|^\s*(?:extra-)?index-url\s*=\s*(\S+)|^\s*registry\s*=\s*"(\S+)"/i;

/**
 * Package-manager configuration: removed hardening (`ignore-scripts=true`), settings that weaken
 * installs, and registry overrides that send installs (and auth tokens) to another server.
 */
export const npmrc: Analyzer = {
  id: "npmrc",
  run({ files }) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (!PACKAGE_MANAGER_CONFIG.has(baseName(file.path))) continue;
      const added = addedLines(file);
      const dropped = removedLines(file).flatMap((removed) => {
        const hardening = HARDENING.find((rule) => rule.pattern.test(removed.content));
        // A setting moved or rewritten within the same file is not a removal.
        const kept = added.some((a) => a.content.trim() === removed.content.trim());
        return hardening && !kept ? [{ ...removed, why: hardening.why }] : [];
      });
      const first = dropped[0];
      if (first) {
        const settings = dropped.map((entry) => `\`${entry.content.trim()}\` (without it, ${entry.why})`);
        findings.push(
          analyzerFinding({
            ruleId: "npmrc/hardening-removed",
            severity: "high",
            category: "supply-chain",
            title: `Install hardening removed from ${file.path}`,
            message: `${file.status === "removed" ? `Deleting \`${file.path}\` drops` : "This removes"} ${settings.join("; ")}. This is how a compromised dependency gets code execution on developer machines and CI. Keep these settings unless there is a documented reason, and have a maintainer approve their removal.`,
            riskFloor: 70,
            path: file.path,
            line: first.line,
            side: "LEFT",
          }),
        );
      }
      for (const { line, content } of added) {
        const weakening = WEAKENING.find((rule) => rule.pattern.test(content));
        if (weakening) {
          findings.push(
            analyzerFinding({
              ruleId: "npmrc/hardening-weakened",
              severity: "high",
              category: "supply-chain",
              title: `Package-manager setting weakened: ${content.trim()}`,
              message: `\`${content.trim()}\` ${weakening.why}. Revert it unless a maintainer has agreed to the trade-off.`,
              riskFloor: 70,
              path: file.path,
              line,
            }),
          );
        }
        const registry = REGISTRY_LINE.exec(content);
        const url = registry?.slice(2).find((group) => group !== undefined);
        if (url && !DEFAULT_REGISTRY.test(url)) {
          findings.push(
            analyzerFinding({
              ruleId: "npmrc/registry-override",
              severity: "high",
              category: "supply-chain",
              title: "Package registry overridden",
              message: `Installs${registry?.[1] ? ` of ${registry[1].slice(0, -1)} packages` : ""} now come from \`${url}\`. Whoever runs that server chooses the code your builds install, and receives any registry auth token. Confirm it is your organization's registry.`,
              riskFloor: 65,
              path: file.path,
              line,
            }),
          );
        }
      }
    }
    return findings;
  },
};
