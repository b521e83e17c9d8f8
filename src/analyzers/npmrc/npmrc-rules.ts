import type { AnalyzerRule } from "../analyzer-rule.ts";

/** The `npmrc` rules: package-manager settings that decide what installs run and where from. */
export const NPMRC_RULES = {
  hardeningRemoved: {
    id: "npmrc/hardening-removed",
    category: "supply-chain",
    severity: "high",
    riskFloor: 70,
    title: "Install hardening removed",
    why: "Dropping settings such as `ignore-scripts=true` is how a compromised dependency gets code execution on developer machines and CI.",
    fix: "Keep these settings unless there is a documented reason, and have a maintainer approve their removal.",
  },
  hardeningWeakened: {
    id: "npmrc/hardening-weakened",
    category: "supply-chain",
    severity: "high",
    riskFloor: 70,
    title: "Package-manager setting weakened",
    why: "The setting turns install scripts back on, runs them as root, or accepts any TLS certificate from the registry (man-in-the-middle).",
    fix: "Revert it unless a maintainer has agreed to the trade-off.",
  },
  registryOverride: {
    id: "npmrc/registry-override",
    category: "supply-chain",
    severity: "high",
    riskFloor: 65,
    title: "Package registry overridden",
    why: "Whoever runs that server chooses the code your builds install, and receives any registry auth token.",
    fix: "Confirm it is your organization's registry.",
  },
} as const satisfies Record<string, AnalyzerRule>;
