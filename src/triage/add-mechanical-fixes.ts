import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";

const USES = /^(\s*-?\s*uses\s*:\s*)(["']?)([\w.-]+\/[\w./-]+)@([\w.-]+)\2(\s*(#.*)?)$/;

/**
 * Deterministic fixes for findings whose fix is mechanical, so reviewers get a one-click
 * suggestion without an LLM:
 * - an action used by tag is pinned to a commit SHA only when the PR's own diff shows that SHA
 *   for that exact tag (`uses: owner/action@<sha> # <tag>` elsewhere); a SHA looked up anywhere
 *   else would be a guess the reviewer cannot check;
 * - `permissions: write-all` becomes `contents: read`, the least a job that checks out code needs.
 * Findings that already carry a replacement, or whose line is not in the diff, are left alone.
 */
export function addMechanicalFixes(findings: readonly Finding[], files: readonly DiffFile[]): Finding[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const pins = pinnedTags(files);
  return findings.map((finding) => {
    if (finding.replacement !== undefined || finding.path === null || finding.line === null) return finding;
    const content = addedLine(byPath.get(finding.path), finding.line);
    if (content === null) return finding;
    const replacement =
      finding.ruleId === "ci-workflows/unpinned-action"
        ? pinAction(content, pins)
        : finding.ruleId === "ci-workflows/write-all"
          ? minimalPermissions(content)
          : null;
    return replacement === null ? finding : { ...finding, startLine: null, replacement };
  });
}

/** `owner/action@tag` → the SHA some line of this diff pins it to, with the tag as its comment. */
function pinnedTags(files: readonly DiffFile[]): Map<string, string> {
  const pins = new Map<string, string>();
  for (const file of files) {
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        const match = USES.exec(line.content);
        const tag = /^#\s*(v?[\w.-]+)\s*$/.exec(match?.[6]?.trim() ?? "")?.[1];
        if (match?.[3] && /^[0-9a-f]{40}$/.test(match[4] ?? "") && tag) {
          pins.set(`${match[3]}@${tag}`, match[4] ?? "");
        }
      }
    }
  }
  return pins;
}

function pinAction(content: string, pins: ReadonlyMap<string, string>): string | null {
  const match = USES.exec(content);
  if (!match) return null;
  const [, prefix, quote, action, tag] = match;
  const sha = pins.get(`${action}@${tag}`);
  return sha ? `${prefix}${quote}${action}@${sha}${quote} # ${tag}` : null;
}

function minimalPermissions(content: string): string | null {
  const match = /^(\s*)permissions\s*:\s*write-all\s*(#.*)?$/.exec(content);
  if (!match) return null;
  const indent = match[1] ?? "";
  return `${indent}permissions:\n${indent}  contents: read`;
}

function addedLine(file: DiffFile | undefined, line: number): string | null {
  for (const hunk of file?.hunks ?? []) {
    for (const hunkLine of hunk.lines)
      if (hunkLine.kind === "add" && hunkLine.newLine === line) return hunkLine.content;
  }
  return null;
}
