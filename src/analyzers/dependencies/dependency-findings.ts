import type { Finding } from "../../findings/finding.ts";
import { analyzerFinding } from "../analyzer-finding.ts";

/** The finding texts shared by the parsed-manifest checks and the diff-only fallback. */

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
  return analyzerFinding({
    ruleId: "dependencies/install-script",
    severity: prepare ? "medium" : "high",
    category: "supply-chain",
    title: `Install script added: ${name}`,
    message: `\`"${name}": ${JSON.stringify(command.slice(0, 120))}\` runs automatically on ${when}, before anyone runs the code on purpose. Make sure it is needed and does not download or execute anything remote; prefer an explicit script.`,
    riskFloor: prepare ? 40 : 65,
    path,
    line,
  });
}

export function typosquatFinding(
  path: string,
  line: number | null,
  name: string,
  target: string,
  registry: string,
): Finding {
  return analyzerFinding({
    ruleId: "dependencies/typosquat",
    severity: "high",
    category: "supply-chain",
    title: `Dependency name close to a popular package: ${name} (vs ${target})`,
    message: `\`${name}\` differs from the popular ${registry} package \`${target}\` by a typo. Typosquatted and AI-hallucinated ("slopsquatted") names are registered by attackers to catch exactly this. Check that \`${name}\` is the package you meant, who publishes it and how old it is; otherwise use \`${target}\`.`,
    riskFloor: 70,
    path,
    line,
  });
}

export function remoteSpecifierFinding(
  path: string,
  line: number | null,
  name: string,
  spec: string,
): Finding {
  return analyzerFinding({
    ruleId: "dependencies/remote-specifier",
    severity: "high",
    category: "supply-chain",
    title: `Dependency installed from outside the registry: ${name}`,
    message: `\`${name}\` is installed from \`${spec}\`. Git, URL and local-path specifiers skip the registry's immutable versions and integrity checks, and a branch or tag can be moved to new code after review. Depend on a published version, or pin the exact commit SHA.`,
    riskFloor: 60,
    path,
    line,
  });
}

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
  return analyzerFinding({
    ruleId: "dependencies/floating-version",
    severity: runtime ? "high" : "medium",
    category: "supply-chain",
    title: previous
      ? `Dependency range widened: ${name} ${previous} → ${shown}`
      : `Unpinned dependency: ${name}@${shown}`,
    message: `\`${name}\` accepts any version (\`${shown}\`), so the next install can pull whatever was published last, including a hijacked release. Pin a version range and commit the lockfile.`,
    riskFloor: runtime ? 60 : 40,
    path,
    line,
  });
}

export function movedToRuntimeFinding(
  path: string,
  line: number | null,
  name: string,
  from: string,
  to: string,
): Finding {
  return analyzerFinding({
    ruleId: "dependencies/moved-to-runtime",
    severity: "medium",
    category: "supply-chain",
    title: `Dependency moved from ${from} to ${to}: ${name}`,
    message: `\`${name}\` now ships to everyone who installs this package, not only to its developers. Check it is needed at run time and that its maintainers and install scripts are ones you would ship to users.`,
    riskFloor: 35,
    path,
    line,
  });
}

export function submoduleFinding(
  path: string,
  line: number | null,
  name: string,
  url: string,
  previous: string | null,
): Finding {
  return analyzerFinding({
    ruleId: "dependencies/submodule",
    severity: "medium",
    category: "supply-chain",
    title: previous ? `Git submodule now points elsewhere: ${name}` : `Git submodule added: ${name}`,
    message: `\`${name}\` ${previous ? `moved from \`${previous}\` to` : "comes from"} \`${url}\`. A submodule pulls another repository's code into every checkout, at a commit this diff does not show. Check who controls that repository and review the pinned commit.`,
    riskFloor: 40,
    path,
    line,
  });
}

export function goReplaceFinding(path: string, line: number | null, name: string, target: string): Finding {
  return analyzerFinding({
    ruleId: "dependencies/go-replace",
    severity: "medium",
    category: "supply-chain",
    title: `Module replaced: ${name} => ${target}`,
    message: `Every import of \`${name}\` now builds \`${target}\` instead, whatever \`go.sum\` recorded for the original. Check that the replacement is a fork you trust (or a local path that exists in this repository), and why it is needed.`,
    riskFloor: 40,
    path,
    line,
  });
}

/** Coverage, not risk: which dependency files could only be checked from their diff, and why. */
export function contentsSkippedFinding(skipped: readonly { path: string; skipped?: string }[]): Finding {
  const list = skipped.map((entry) => `\`${entry.path}\` (${entry.skipped ?? "not read"})`).join(", ");
  return analyzerFinding({
    ruleId: "dependencies/read-from-diff-only",
    severity: "info",
    category: "coverage",
    title: `Dependency files checked from the diff only: ${skipped.length}`,
    message: `${list}. Their full text at base and head was not read, so added packages and lockfile entries outside the hunks may be missed; review these files by hand.`,
    riskFloor: 0,
  });
}

export interface NewDependency {
  line: number | null;
  name: string;
  spec: string;
  section: string;
}

/** Sections whose packages ship to users; everything else is for developers and CI only. */
const RUNTIME =
  /^(dependencies|peerDependencies|optionalDependencies|requirements|project\.dependencies|tool\.poetry\.dependencies|require|build-dependencies)$|^target\..*\.(dependencies|build-dependencies)$/;
const SHOWN = 40;

/** One finding per manifest listing every added package: complete, but one line of noise. */
export function isRuntimeSection(section: string): boolean {
  return RUNTIME.test(section);
}

export function newDependenciesFinding(path: string, deps: readonly NewDependency[]): Finding {
  const runtime = deps.filter((dep) => isRuntimeSection(dep.section));
  const shown = deps
    .slice(0, SHOWN)
    .map((dep) => `\`${dep.name}@${dep.spec}\` (${dep.section})`)
    .join(", ");
  const more = deps.length > SHOWN ? ` and ${deps.length - SHOWN} more` : "";
  return analyzerFinding({
    ruleId: "dependencies/new",
    severity: "low",
    category: "supply-chain",
    title: `${deps.length} new ${deps.length === 1 ? "dependency" : "dependencies"} in ${path}`,
    message: `New: ${shown}${more}. Every dependency and its install scripts run with your developers' and CI's access. Check each is needed, maintained, published by who you expect, and not brand new.`,
    riskFloor: runtime.length > 0 ? 25 : 20,
    path,
    line: deps.find((dep) => dep.line !== null)?.line ?? null,
  });
}
