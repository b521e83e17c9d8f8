import type { AnalyzerInput, FileContents } from "../../../src/analyzers/analyzer.ts";
import { dependencies } from "../../../src/analyzers/dependencies/dependencies.ts";
import type { DiffFile } from "../../../src/diff/diff-model.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { analyzerInput } from "../diff-fixture.ts";

/** A changed file as the diff lists it; the dependency checks read its texts from `contents`. */
export function changedFile(path: string, status: DiffFile["status"] = "modified"): DiffFile {
  return {
    path,
    oldPath: path,
    status,
    binary: false,
    patchMissing: false,
    oldMode: null,
    newMode: null,
    additions: 1,
    deletions: 1,
    hunks: [],
  };
}

/** Runs the dependencies analyzer on files whose base and head texts are given. */
export async function runOnContents(
  contents: FileContents[],
  extraFiles: DiffFile[] = [],
  configure: (input: AnalyzerInput) => void = () => {},
): Promise<Finding[]> {
  const files = [
    ...contents.map((entry) => changedFile(entry.path, entry.base === null ? "added" : "modified")),
    ...extraFiles,
  ];
  const input = { ...analyzerInput(files), contents };
  configure(input);
  return await dependencies.run(input);
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
