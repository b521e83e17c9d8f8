import type { AnalyzerInput } from "../../src/analyzers/analyzer.ts";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";

/** Parses an inline `git diff` fixture through the app's own diff parser. */
export function diffFiles(text: string): DiffFile[] {
  return parseUnifiedDiff(text.replace(/^\n+/, ""));
}

export { addedFile } from "../../src/diff/added-file.ts";

export function analyzerInput(files: DiffFile[], pr: Partial<AnalyzerInput["pr"]> = {}): AnalyzerInput {
  return {
    files,
    config: defaultConfig(),
    pr: { author: "octocat", authorType: "User", headRef: "feature", title: "Change", body: "", ...pr },
  };
}
