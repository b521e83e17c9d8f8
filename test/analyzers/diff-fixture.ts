import type { AnalyzerInput } from "../../src/analyzers/analyzer.ts";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

/** Parses an inline `git diff` fixture through the app's own diff parser. */
export function diffFiles(text: string): DiffFile[] {
  return parseUnifiedDiff(text.replace(/^\n+/, ""));
}

/** A whole file added by the PR, as the diff model would show it: every line is `add`. */
export function addedFile(path: string, content: string): DiffFile {
  const lines = content.replace(/\r?\n$/, "").split(/\r?\n/);
  return {
    path,
    oldPath: path,
    status: "added",
    binary: false,
    patchMissing: false,
    oldMode: null,
    newMode: "100644",
    additions: lines.length,
    deletions: 0,
    hunks: [
      {
        oldStart: 0,
        oldLines: 0,
        newStart: 1,
        newLines: lines.length,
        section: "",
        lines: lines.map((line, index) => ({
          kind: "add",
          content: line,
          oldLine: null,
          newLine: index + 1,
        })),
      },
    ],
  };
}

export function analyzerInput(files: DiffFile[], pr: Partial<AnalyzerInput["pr"]> = {}): AnalyzerInput {
  return {
    files,
    config: defaultConfig(),
    pr: { author: "octocat", authorType: "User", headRef: "feature", title: "Change", body: "", ...pr },
  };
}
