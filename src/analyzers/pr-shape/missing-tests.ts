import { isSourceFile, isTestFile } from "../../diff/file-kinds.ts";
import { generatedReason } from "../../diff/generated-reason.ts";
import type { Analyzer } from "../analyzer.ts";
import { analyzerFinding } from "../analyzer-finding.ts";

/** Below this many added source lines a missing test is usually fine (typo, config, refactor). */
const MIN_SOURCE_LINES = 50;

/** Source changed substantially while no test changed: the behavior change is unverified. */
export const missingTests: Analyzer = {
  id: "missing-tests",
  run({ files, config }) {
    if (files.some((file) => isTestFile(file.path))) return [];
    // Regenerated code is verified by its generator, not by tests written in this PR.
    const source = files.filter(
      (file) =>
        isSourceFile(file.path) &&
        !file.binary &&
        file.status !== "removed" &&
        generatedReason(file, config.ignore.paths) === null,
    );
    const added = source.reduce((sum, file) => sum + file.additions, 0);
    if (added < MIN_SOURCE_LINES) return [];
    return [
      analyzerFinding({
        ruleId: "missing-tests/source-without-tests",
        severity: "low",
        category: "testing",
        title: "Source changed without test changes",
        message: `${added} source lines were added across ${source.length} files, and no test file changed. Ask for tests that pin the new behavior, or for a note on how it was verified.`,
        riskFloor: 0,
      }),
    ];
  },
};
