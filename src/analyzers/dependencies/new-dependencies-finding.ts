import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";
import { isRuntimeSection } from "./is-runtime-section.ts";

export interface NewDependency {
  line: number | null;
  name: string;
  spec: string;
  section: string;
}

const RULE = DEPENDENCY_RULES.new;
const [SHIPS_TO_USERS] = RULE.variants;
const SHOWN = 40;

/** One finding per manifest listing every added package: complete, but one line of noise. */
export function newDependenciesFinding(path: string, deps: readonly NewDependency[]): Finding {
  const runtime = deps.filter((dep) => isRuntimeSection(dep.section));
  const shown = deps
    .slice(0, SHOWN)
    .map((dep) => `\`${dep.name}@${dep.spec}\` (${dep.section})`)
    .join(", ");
  const more = deps.length > SHOWN ? ` and ${deps.length - SHOWN} more` : "";
  return ruleFinding(RULE, {
    title: `${deps.length} new ${deps.length === 1 ? "dependency" : "dependencies"} in ${path}`,
    message: `New: ${shown}${more}. ${RULE.why} ${RULE.fix}`,
    ...(runtime.length > 0 && { variant: SHIPS_TO_USERS }),
    path,
    line: deps.find((dep) => dep.line !== null)?.line ?? null,
  });
}
