import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";
import { isRuntimeSection } from "./is-runtime-section.ts";

const RULE = DEPENDENCY_RULES.floatingVersion;
const [DEVELOPMENT_ONLY] = RULE.variants;
/** An npm spec that accepts any version (a dist-tag, a wildcard, or nothing at all). */
export const ANY_NPM_VERSION = /^(latest|next|\*|x|X|)$/;

/** A dependency that now accepts any version: new and unpinned, or widened from `previous`. */
export function floatingVersionFinding(
  path: string,
  line: number | null,
  dep: { name: string; spec: string; section: string },
  previous: string | null,
): Finding {
  const { name, spec } = dep;
  const shown = spec || '""';
  // A floating tool version hurts CI and developers; a floating runtime one ships to users.
  const runtime = isRuntimeSection(dep.section);
  return ruleFinding(RULE, {
    title: previous
      ? `Dependency range widened: ${name} ${previous} → ${shown}`
      : `Unpinned dependency: ${name}@${shown}`,
    message: `\`${name}\` accepts any version (\`${shown}\`), so the next install can pull whatever was published last, including a hijacked release. ${RULE.fix}`,
    ...(!runtime && { variant: DEVELOPMENT_ONLY }),
    path,
    line,
  });
}
