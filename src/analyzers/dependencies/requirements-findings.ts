import { addedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";
import { findTyposquatTarget } from "./find-typosquat-target.ts";
import { POPULAR_PYPI_PACKAGES } from "./popular-packages.ts";
import { typosquatFinding } from "./typosquat-finding.ts";

/** Diff-only fallback for `requirements*.txt`: added URL or extra-index sources, and typosquats. */
export function requirementsFindings(file: DiffFile): Finding[] {
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
