import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

/** Coverage, not risk: which dependency files could only be checked from their diff, and why. */
export function contentsSkippedFinding(skipped: readonly { path: string; skipped?: string }[]): Finding {
  const list = skipped.map((entry) => `\`${entry.path}\` (${entry.skipped ?? "not read"})`).join(", ");
  return ruleFinding(DEPENDENCY_RULES.readFromDiffOnly, {
    title: `${DEPENDENCY_RULES.readFromDiffOnly.title}: ${skipped.length}`,
    message: `${list}. Their full text at base and head was not read, so added packages and lockfile entries outside the hunks may be missed; review these files by hand.`,
  });
}
