import { isSourceFile, isTestFile } from "../../diff/file-kinds.ts";
import { generatedReason } from "../../diff/generated-reason.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { PR_SHAPE_RULES } from "./pr-shape-rules.ts";

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
      ruleFinding(PR_SHAPE_RULES.missingTests, {
        message: `${added} source lines were added across ${source.length} files, and no test file changed. ${PR_SHAPE_RULES.missingTests.fix}`,
      }),
    ];
  },
};
