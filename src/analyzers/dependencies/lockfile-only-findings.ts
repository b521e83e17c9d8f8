import type { DiffFile } from "../../diff/diff-model.ts";
import { baseName } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";

const LOCKFILE_ONLY = DEPENDENCY_RULES.lockfileOnly;

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

/** A lockfile changed while its manifest (in the same folder) did not. */
export function lockfileOnlyFindings(file: DiffFile, changed: ReadonlySet<string>): Finding[] {
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
