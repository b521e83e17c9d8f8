import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

/** npm lifecycle scripts that run on `npm install` (`prepare` also when installed from git). */
export const INSTALL_SCRIPTS = new Set([
  "preinstall",
  "install",
  "postinstall",
  "prepare",
  "preuninstall",
  "postuninstall",
]);
const RULE = DEPENDENCY_RULES.installScript;
const [PREPARE] = RULE.variants;

/** A new or changed npm lifecycle script, from a parsed `package.json` or from its diff. */
export function installScriptFinding(
  path: string,
  line: number | null,
  name: string,
  command: string,
): Finding {
  // `prepare` runs on a local `npm install` and for git installs, not for registry consumers.
  const prepare = name === "prepare";
  const when = prepare
    ? "every `npm install` in this repository, and when the package is installed from git"
    : "every `npm install`, on developer machines, in CI and for everyone who installs the package";
  return ruleFinding(RULE, {
    title: `${RULE.title}: ${name}`,
    message: `\`"${name}": ${JSON.stringify(command.slice(0, 120))}\` runs automatically on ${when}, before anyone runs the code on purpose. ${RULE.fix}`,
    ...(prepare && { variant: PREPARE }),
    path,
    line,
  });
}
