import { addedLines, removedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import { baseName, isLockfile } from "../../diff/file-kinds.ts";
import { addedLinesBySection, type SectionedLine } from "../../diff/json-sections.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { contentsSkippedFinding } from "./contents-skipped-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";
import { findTyposquatTarget } from "./find-typosquat-target.ts";
import { floatingVersionFinding } from "./floating-version-finding.ts";
import { installScriptFinding } from "./install-script-finding.ts";
import { INSTALL_SCRIPTS } from "./manifest-findings.ts";
import { newDependenciesFinding } from "./new-dependencies-finding.ts";
import { parsedFileFindings } from "./parsed-file-findings.ts";
import { KNOWN_NEIGHBORS, POPULAR_NPM_PACKAGES, POPULAR_PYPI_PACKAGES } from "./popular-packages.ts";
import { remoteSpecifierFinding } from "./remote-specifier-finding.ts";
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
const REMOTE_SPEC = /^(git\+|git:|github:|gitlab:|bitbucket:|https?:|file:|link:)|^[\w.-]+\/[\w.-]+(#.*)?$/;
const FLOATING_SPEC = /^(latest|next|\*|x|X|)$/;
const { lockfileOnly: LOCKFILE_ONLY, lockfileUntrustedHost: UNTRUSTED_HOST } = DEPENDENCY_RULES;

/** Where a lockfile's manifest lives, so a lockfile-only change can be told from a normal one. */
const MANIFEST_FOR: Record<string, string[]> = {
  "package-lock.json": ["package.json"],
  "npm-shrinkwrap.json": ["package.json"],
  "yarn.lock": ["package.json"],
  "pnpm-lock.yaml": ["package.json", "pnpm-workspace.yaml"],
  "bun.lock": ["package.json"],
  "bun.lockb": ["package.json"],
  "Cargo.lock": ["Cargo.toml"],
  "Gemfile.lock": ["Gemfile"],
  "poetry.lock": ["pyproject.toml"],
  "uv.lock": ["pyproject.toml"],
  "Pipfile.lock": ["Pipfile"],
  "composer.lock": ["composer.json"],
  "go.sum": ["go.mod"],
};

/**
 * Supply-chain changes: new or changed dependencies, specifiers that bypass the registry or float,
 * install scripts, names that imitate popular packages, lockfile-only edits and lockfiles that
 * resolve to unexpected hosts.
 */
export const dependencies: Analyzer = {
  id: "dependencies",
  run({ files, config, contents }) {
    const findings: Finding[] = [];
    const changed = new Set(files.map((file) => file.path));
    const texts = new Map((contents ?? []).map((entry) => [entry.path, entry]));
    for (const file of files) {
      const name = baseName(file.path);
      if (isLockfile(file.path)) findings.push(...lockfileOnlyFindings(file, changed));
      // Parsed base and head when the collector read them; the diff alone otherwise.
      const entry = texts.get(file.path);
      const parsed =
        entry && file.status !== "removed"
          ? parsedFileFindings(entry, config.dependencies.allowedRegistries)
          : null;
      if (parsed !== null) findings.push(...parsed);
      else if (name === "package.json" && file.status !== "removed")
        findings.push(...packageJsonFindings(file));
      else if (/^requirements[\w.-]*\.txt$/.test(name)) findings.push(...requirementsFindings(file));
      else if (isLockfile(file.path))
        findings.push(...lockfileHostFindings(file, config.dependencies.allowedRegistries));
    }
    const skipped = (contents ?? []).filter((entry) => entry.skipped !== undefined);
    if (skipped.length > 0) findings.push(contentsSkippedFinding(skipped));
    return findings;
  },
};

function packageJsonFindings(file: DiffFile): Finding[] {
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
    if (REMOTE_SPEC.test(dep.spec) && !dep.spec.startsWith("npm:")) {
      findings.push(remoteSpecifierFinding(file.path, dep.line, dep.name, dep.spec));
    } else if (FLOATING_SPEC.test(dep.spec)) {
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

function requirementsFindings(file: DiffFile): Finding[] {
  const findings: Finding[] = [];
  for (const { line, content } of addedLines(file)) {
    const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(==|>=|~=|<=|!=|>|<)?/.exec(content);
    const name = match?.[1];
    if (!name || content.trim().startsWith("-")) {
      if (/^\s*(-e\s+)?(git\+|https?:)/.test(content) || /^\s*--(extra-)?index-url/.test(content)) {
        findings.push(
          ruleFinding(DEPENDENCY_RULES.remoteSpecifier, {
            title: "Python package source outside PyPI",
            message: `\`${content.trim().slice(0, 120)}\` installs from a URL or an extra index. Extra indexes enable dependency confusion and URLs skip PyPI's immutability; pin a published version with a hash instead.`,
            path: file.path,
            line,
          }),
        );
      }
      continue;
    }
    const target = findTyposquatTarget(name.toLowerCase().replace(/_/g, "-"), POPULAR_PYPI_PACKAGES);
    if (target) findings.push(typosquatFinding(file.path, line, name, target, "PyPI"));
  }
  return findings;
}

function lockfileOnlyFindings(file: DiffFile, changed: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const name = baseName(file.path);
  const dir = file.path.slice(0, file.path.length - name.length);
  const manifests = MANIFEST_FOR[name] ?? [];
  if (file.status !== "removed" && !manifests.some((manifest) => changed.has(`${dir}${manifest}`))) {
    findings.push(
      ruleFinding(LOCKFILE_ONLY, {
        title: `${LOCKFILE_ONLY.title}: ${file.path}`,
        message: `\`${file.path}\` changed but \`${dir}${manifests[0] ?? "its manifest"}\` did not. ${LOCKFILE_ONLY.why} ${LOCKFILE_ONLY.fix}`,
        path: file.path,
      }),
    );
  }
  return findings;
}

/** Diff-only fallback: added `resolved` lines whose host is not an allowed registry. */
function lockfileHostFindings(file: DiffFile, allowedHosts: readonly string[]): Finding[] {
  const offHost = new Map<string, { line: number; url: string }>();
  for (const { line, content } of addedLines(file)) {
    const resolved = /"?resolved"?\s*[:=]?\s*"?(https?:\/\/[^"\s#]+)/.exec(content)?.[1];
    const host = resolved ? (URL.parse(resolved)?.host ?? resolved) : null;
    if (resolved && host !== null && !allowedHosts.includes(host) && !offHost.has(host)) {
      offHost.set(host, { line, url: resolved });
    }
  }
  const [first] = offHost.values();
  if (!first) return [];
  const urls = [...offHost.values()].map((entry) => `\`${entry.url.slice(0, 160)}\``).join(", ");
  return [
    ruleFinding(UNTRUSTED_HOST, {
      title: `Lockfile resolves packages from ${offHost.size === 1 ? "an unexpected host" : `${offHost.size} unexpected hosts`}: ${[...offHost.keys()].join(", ")}`,
      message: `${urls} ${offHost.size === 1 ? "is not an allowed registry" : "are not allowed registries"} (config \`dependencies.allowedRegistries\`: ${allowedHosts.join(", ")}). A lockfile entry pointing elsewhere downloads code nobody reviewed. ${UNTRUSTED_HOST.fix}`,
      path: file.path,
      line: first.line,
    }),
  ];
}
