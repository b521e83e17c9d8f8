import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

/** A newly added package whose name is one typo away from the popular `target`. */
export function typosquatFinding(
  path: string,
  line: number | null,
  name: string,
  target: string,
  registry: string,
): Finding {
  return ruleFinding(DEPENDENCY_RULES.typosquat, {
    title: `Dependency name close to a popular package: ${name} (vs ${target})`,
    message: `\`${name}\` differs from the popular ${registry} package \`${target}\` by a typo. Typosquatted and AI-hallucinated ("slopsquatted") names are registered by attackers to catch exactly this. Check that \`${name}\` is the package you meant, who publishes it and how old it is; otherwise use \`${target}\`.`,
    path,
    line,
  });
}
