import { baseName, isLockfile } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { contentsSkippedFinding } from "./contents-skipped-finding.ts";
import { lockfileHostFindings } from "./lockfile-host-findings.ts";
import { lockfileOnlyFindings } from "./lockfile-only-findings.ts";
import { packageJsonFindings } from "./package-json-findings.ts";
import { parsedFileFindings } from "./parsed-file-findings.ts";
import { requirementsFindings } from "./requirements-findings.ts";

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
