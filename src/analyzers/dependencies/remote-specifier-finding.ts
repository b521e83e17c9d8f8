import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

const RULE = DEPENDENCY_RULES.remoteSpecifier;
/** An npm spec that is not a registry version: git, a URL, a local path or `owner/repo`. */
export const NPM_REMOTE_SPEC =
  /^(git\+|git:|github:|gitlab:|bitbucket:|https?:|file:|link:)|^[\w.-]+\/[\w.-]+(#.*)?$/;

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
