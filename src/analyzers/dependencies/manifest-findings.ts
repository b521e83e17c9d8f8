import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";
import { findTyposquatTarget } from "./find-typosquat-target.ts";
import { ANY_NPM_VERSION, floatingVersionFinding } from "./floating-version-finding.ts";
import { INSTALL_SCRIPTS, installScriptFinding } from "./install-script-finding.ts";
import { type NewDependency, newDependenciesFinding } from "./new-dependencies-finding.ts";
import { KNOWN_NEIGHBORS, POPULAR_NPM_PACKAGES, POPULAR_PYPI_PACKAGES } from "./popular-packages.ts";
import { NPM_REMOTE_SPEC, remoteSpecifierFinding } from "./remote-specifier-finding.ts";
import { typosquatFinding } from "./typosquat-finding.ts";

const OTHER_REMOTE = /^(git\+|git:|hg\+|svn\+|bzr\+|https?:|ssh:|file:)/;
const NO_UPPER_BOUND = /^>=?\s*[\d.]+$/;
const DEV_SECTION =
  /^(devDependencies|tool\.poetry\.dev-dependencies|dev-dependencies)$|(^|\.)(dev|test|lint|docs?)(\.|$)/;

/**
 * Compares a manifest at base and head: every added package (one listing finding), and per
 * package what a reviewer must look at: typosquats (on every added name, whatever else the PR
 * edits), new git/URL/file specifiers, ranges widened to "anything", moves from development to
 * runtime sections, new or changed install scripts, and new or re-pointed git submodules.
 */
export function manifestFindings(path: string, base: ParsedManifest | null, head: ParsedManifest): Finding[] {
  const findings: Finding[] = [];
  const before = new Map<string, DeclaredDependency[]>();
  for (const dep of base?.dependencies ?? []) before.set(dep.name, [...(before.get(dep.name) ?? []), dep]);
  const added: NewDependency[] = [];
  const seen = new Set<string>();
  for (const dep of head.dependencies) {
    const previous = before.get(dep.name) ?? [];
    const sameSection = previous.find((old) => old.section === dep.section);
    if (dep.section === "submodule") {
      if (sameSection?.spec !== dep.spec) {
        findings.push(submoduleFinding(path, dep, sameSection?.spec ?? null));
      }
      continue;
    }
    if (dep.section === "replace") {
      if (sameSection?.spec !== dep.spec) findings.push(goReplaceFinding(path, dep));
      continue;
    }
    if (previous.every((old) => old.section === "replace") && !seen.has(dep.name)) {
      seen.add(dep.name);
      if (dep.section !== "index") added.push(dep);
      const target = typosquatTarget(dep.name, head.registry);
      if (target && head.registry)
        findings.push(typosquatFinding(path, dep.line, dep.name, target, head.registry));
    }
    const moved = !sameSection && previous.find((old) => DEV_SECTION.test(old.section));
    if (moved && !DEV_SECTION.test(dep.section) && dep.section !== "peerDependencies") {
      findings.push(
        ruleFinding(DEPENDENCY_RULES.movedToRuntime, {
          title: `Dependency moved from ${moved.section} to ${dep.section}: ${dep.name}`,
          message: `\`${dep.name}\` now ships to everyone who installs this package, not only to its developers. ${DEPENDENCY_RULES.movedToRuntime.fix}`,
          path,
          line: dep.line,
        }),
      );
    }
    const oldSpec = sameSection?.spec ?? previous[0]?.spec ?? null;
    if (oldSpec === dep.spec) continue;
    const remote =
      head.registry === "npm"
        ? NPM_REMOTE_SPEC.test(dep.spec) && !dep.spec.startsWith("npm:")
        : OTHER_REMOTE.test(dep.spec);
    if (dep.section === "index") findings.push(indexFinding(path, dep));
    else if (remote) findings.push(remoteSpecifierFinding(path, dep.line, dep.name, dep.spec));
    else if (isFloating(dep.spec, head.registry, oldSpec)) {
      findings.push(floatingVersionFinding(path, dep.line, dep, oldSpec));
    }
  }
  for (const [name, { command, line }] of head.scripts) {
    if (INSTALL_SCRIPTS.has(name) && base?.scripts.get(name)?.command !== command) {
      findings.push(installScriptFinding(path, line, name, command));
    }
  }
  if (added.length > 0) findings.push(newDependenciesFinding(path, added));
  return findings;
}

function typosquatTarget(name: string, registry: ParsedManifest["registry"]): string | null {
  if (registry === "npm") return findTyposquatTarget(name, POPULAR_NPM_PACKAGES, KNOWN_NEIGHBORS);
  if (registry === "PyPI") return findTyposquatTarget(name, POPULAR_PYPI_PACKAGES);
  return null;
}

/**
 * A new npm dependency that takes any version, or an existing one (npm or PyPI) widened to any
 * version or to no upper bound. An unpinned new Python requirement is the norm, not a signal; Go
 * and Cargo always resolve to a recorded version.
 */
function isFloating(spec: string, registry: ParsedManifest["registry"], previous: string | null): boolean {
  const now = spec.trim();
  const floating = (text: string) => ANY_NPM_VERSION.test(text) || NO_UPPER_BOUND.test(text);
  if (previous !== null) return registry !== null && floating(now) && !floating(previous.trim());
  return registry === "npm" && ANY_NPM_VERSION.test(now);
}

function indexFinding(path: string, dep: DeclaredDependency): Finding {
  return ruleFinding(DEPENDENCY_RULES.remoteSpecifier, {
    title: "Python package source outside PyPI",
    message: `\`${dep.name} ${dep.spec.slice(0, 120)}\` adds a package index. Extra indexes enable dependency confusion (a public package with your private package's name wins) and URLs skip PyPI's immutability; pin published versions with hashes instead.`,
    path,
    line: dep.line,
  });
}

function submoduleFinding(path: string, dep: DeclaredDependency, previous: string | null): Finding {
  const rule = DEPENDENCY_RULES.submodule;
  return ruleFinding(rule, {
    title: previous ? `Git submodule now points elsewhere: ${dep.name}` : `Git submodule added: ${dep.name}`,
    message: `\`${dep.name}\` ${previous ? `moved from \`${previous}\` to` : "comes from"} \`${dep.spec}\`. ${rule.why} ${rule.fix}`,
    path,
    line: dep.line,
  });
}

function goReplaceFinding(path: string, dep: DeclaredDependency): Finding {
  const rule = DEPENDENCY_RULES.goReplace;
  return ruleFinding(rule, {
    title: `Module replaced: ${dep.name} => ${dep.spec}`,
    message: `Every import of \`${dep.name}\` now builds \`${dep.spec}\` instead, whatever \`go.sum\` recorded for the original. ${rule.fix}`,
    path,
    line: dep.line,
  });
}
