import picomatch from "picomatch";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { PR_SHAPE_RULES } from "./pr-shape-rules.ts";

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
      findings.push(
        ruleFinding(PR_SHAPE_RULES.sensitivePath, {
          title: `Sensitive path changed: ${rule.pattern}`,
          message: `${rule.reason}. Changed: ${shown.join(", ")}${more}.`,
          // The path's configured weight is its floor; a heavy one reads as high.
          configured: { severity: rule.weight >= 60 ? "high" : "medium", riskFloor: rule.weight },
        }),
      );
    }
    return findings;
  },
};
