import type { DiffFile } from "../diff/diff-model.ts";

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)\s*:/;

/**
 * True when a change to `.github/pr-triage.yml` adds or removes lines of its `ignore` section,
 * where repository-wide suppressions live. The diff shows only part of the file, so the section
 * a line belongs to is the last top-level key above it in the hunk, or else the hunk's header,
 * where git names the nearest top-level key (its default "function" line for YAML).
 */
export function touchesSuppressions(file: DiffFile): boolean {
  for (const hunk of file.hunks) {
    let section = TOP_LEVEL_KEY.exec(hunk.section.trim())?.[1] ?? null;
    for (const line of hunk.lines) {
      const key = TOP_LEVEL_KEY.exec(line.content)?.[1];
      if (key !== undefined && line.kind !== "del") section = key;
      if (line.kind !== "context" && (section === "ignore" || key === "ignore")) return true;
    }
  }
  return false;
}
