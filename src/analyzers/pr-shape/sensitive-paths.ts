import picomatch from "picomatch";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";

/** Flags changes to the paths maintainers declared sensitive in config, with their reason. */
export const sensitivePaths: Analyzer = {
  id: "sensitive-paths",
  run({ files, config }) {
    const findings: Finding[] = [];
    for (const rule of config.risk.sensitivePaths) {
      const matches = picomatch(rule.pattern, { dot: true });
      const hit = files.filter((file) => matches(file.path) || matches(file.oldPath));
      if (hit.length === 0) continue;
      const shown = hit.slice(0, 5).map((file) => `\`${file.path}\``);
      const more = hit.length > shown.length ? ` and ${hit.length - shown.length} more` : "";
      findings.push({
        ruleId: "sensitive-paths/match",
        source: "analyzer",
        severity: rule.weight >= 60 ? "high" : "medium",
        category: "sensitive-path",
        title: `Sensitive path changed: ${rule.pattern}`,
        message: `${rule.reason}. Changed: ${shown.join(", ")}${more}.`,
        path: null,
        line: null,
        startLine: null,
        side: "RIGHT",
        confidence: 1,
        riskFloor: rule.weight,
        policy: null,
      });
    }
    return findings;
  },
};
