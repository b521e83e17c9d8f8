import picomatch from "picomatch";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { PR_SHAPE_RULES } from "./pr-shape-rules.ts";

const RULE = PR_SHAPE_RULES.sensitivePath;
/** A weight at or above this variant's floor makes the finding high. */
const HEAVY = RULE.variants[0];

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
        ruleFinding(RULE, {
          title: `Sensitive path changed: ${rule.pattern}`,
          message: `${rule.reason}. Changed: ${shown.join(", ")}${more}.`,
          // The path's configured weight is its floor; a heavy one reads as high.
          configured: {
            severity: rule.weight >= HEAVY.riskFloor ? HEAVY.severity : RULE.severity,
            riskFloor: rule.weight,
          },
        }),
      );
    }
    return findings;
  },
};
