import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

const RULE = DEPENDENCY_RULES.remoteSpecifier;

/** A package installed from git, a URL or a local path instead of a registry version. */
export function remoteSpecifierFinding(
  path: string,
  line: number | null,
  name: string,
  spec: string,
): Finding {
  return ruleFinding(RULE, {
    title: `${RULE.title}: ${name}`,
    message: `\`${name}\` is installed from \`${spec}\`. ${RULE.why} ${RULE.fix}`,
    path,
    line,
  });
}
