import picomatch from "picomatch";
import type { TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";

/**
 * The changed files that drove the risk: those with a high or critical finding, and those on a
 * sensitive path. Their code owners are the ones worth asking for a risky PR, not the owners of
 * every file it happens to touch.
 */
export function riskyPaths(
  files: readonly DiffFile[],
  findings: readonly Finding[],
  config: TriageConfig,
): string[] {
  const risky = new Set<string>();
  for (const finding of findings) {
    if (finding.path !== null && (finding.severity === "high" || finding.severity === "critical"))
      risky.add(finding.path);
  }
  const patterns = config.risk.sensitivePaths.map((rule) => rule.pattern);
  if (patterns.length > 0) {
    const sensitive = picomatch(patterns, { dot: true });
    for (const file of files) if (sensitive(file.path) || sensitive(file.oldPath)) risky.add(file.path);
  }
  return files.map((file) => file.path).filter((path) => risky.has(path));
}
