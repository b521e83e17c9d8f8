import { addedLines, removedLines } from "../../diff/added-lines.ts";
import { baseName } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { NPMRC_RULES } from "./npmrc-rules.ts";

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
          ruleFinding(NPMRC_RULES.hardeningRemoved, {
            title: `Install hardening removed from ${file.path}`,
            message: `${file.status === "removed" ? `Deleting \`${file.path}\` drops` : "This removes"} ${settings.join("; ")}. This is how a compromised dependency gets code execution on developer machines and CI. ${NPMRC_RULES.hardeningRemoved.fix}`,
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
            ruleFinding(NPMRC_RULES.hardeningWeakened, {
              title: `Package-manager setting weakened: ${content.trim()}`,
              message: `\`${content.trim()}\` ${weakening.why}. ${NPMRC_RULES.hardeningWeakened.fix}`,
              path: file.path,
              line,
            }),
          );
        }
        const registry = REGISTRY_LINE.exec(content);
        const url = registry?.slice(2).find((group) => group !== undefined);
        if (url && !DEFAULT_REGISTRY.test(url)) {
          findings.push(
            ruleFinding(NPMRC_RULES.registryOverride, {
              message: `Installs${registry?.[1] ? ` of ${registry[1].slice(0, -1)} packages` : ""} now come from \`${url}\`. ${NPMRC_RULES.registryOverride.why} ${NPMRC_RULES.registryOverride.fix}`,
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
