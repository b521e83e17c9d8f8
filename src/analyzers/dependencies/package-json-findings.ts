import { removedLines } from "../../diff/added-lines.ts";
import { addedLinesBySection, type SectionedLine } from "../../diff/added-lines-by-section.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import { findTyposquatTarget } from "./find-typosquat-target.ts";
import { ANY_NPM_VERSION, floatingVersionFinding } from "./floating-version-finding.ts";
import { INSTALL_SCRIPTS, installScriptFinding } from "./install-script-finding.ts";
import { newDependenciesFinding } from "./new-dependencies-finding.ts";
import { KNOWN_NEIGHBORS, POPULAR_NPM_PACKAGES } from "./popular-packages.ts";
import { NPM_REMOTE_SPEC, remoteSpecifierFinding } from "./remote-specifier-finding.ts";
import { typosquatFinding } from "./typosquat-finding.ts";

const DEPENDENCY_SECTIONS = new Set([
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
  "bundledDependencies",
  "overrides",
  "resolutions",
]);
const ENTRY = /^\s*"([^"]+)"\s*:\s*"([^"]*)"\s*,?\s*$/;
const VERSION_LIKE =
  /^([~^<>=]|\d|[xX*]$|latest$|next$|workspace:|npm:|file:|link:|git|github:|https?:|catalog:)/;

/**
 * Diff-only fallback for a `package.json` whose full text was not read: the added
 * `"name": "version"` lines of dependency sections and install scripts, checked one by one.
 */
export function packageJsonFindings(file: DiffFile): Finding[] {
  const findings: Finding[] = [];
  const removed = new Map<string, string>();
  for (const { content } of removedLines(file)) {
    const entry = ENTRY.exec(content);
    if (entry?.[1] !== undefined) removed.set(entry[1], entry[2] ?? "");
  }
  const added: { line: number; name: string; spec: string; section: string; previous: string | null }[] = [];
  for (const line of withInferredSections(file)) {
    const entry = ENTRY.exec(line.content);
    if (!entry || line.section === null) continue;
    const [, name = "", spec = ""] = entry;
    if (line.section === "scripts" && INSTALL_SCRIPTS.has(name)) {
      findings.push(installScriptFinding(file.path, line.line, name, spec));
    } else if (DEPENDENCY_SECTIONS.has(line.section)) {
      added.push({ line: line.line, name, spec, section: line.section, previous: removed.get(name) ?? null });
    }
  }
  const newOnes = added.filter((dep) => dep.previous === null);
  for (const dep of added) {
    const target = findTyposquatTarget(dep.name, POPULAR_NPM_PACKAGES, KNOWN_NEIGHBORS);
    if (target && dep.previous === null) {
      findings.push(typosquatFinding(file.path, dep.line, dep.name, target, "npm"));
    }
    if (NPM_REMOTE_SPEC.test(dep.spec) && !dep.spec.startsWith("npm:")) {
      findings.push(remoteSpecifierFinding(file.path, dep.line, dep.name, dep.spec));
    } else if (ANY_NPM_VERSION.test(dep.spec)) {
      findings.push(floatingVersionFinding(file.path, dep.line, dep, null));
    }
  }
  if (newOnes.length > 0) findings.push(newDependenciesFinding(file.path, newOnes));
  return findings;
}

/**
 * When the hunk does not show which object it is in (a long dependency list), the lines are
 * taken as dependencies only if every line of the hunk is a `"name": "version"` pair.
 */
function withInferredSections(file: DiffFile): SectionedLine[] {
  const lines = addedLinesBySection(file.hunks);
  if (lines.every((line) => line.section !== null)) return lines;
  const hunkOnlyHasVersions = file.hunks.every((hunk) =>
    hunk.lines.every((line) => {
      const trimmed = line.content.trim();
      if (trimmed === "" || /^[{}],?$/.test(trimmed)) return true;
      const entry = ENTRY.exec(line.content);
      return (
        entry !== null &&
        !["node", "npm", "version"].includes(entry[1] ?? "") &&
        VERSION_LIKE.test(entry[2] ?? "")
      );
    }),
  );
  return lines.map((line) =>
    line.section === null && hunkOnlyHasVersions ? { ...line, section: "dependencies" } : line,
  );
}
