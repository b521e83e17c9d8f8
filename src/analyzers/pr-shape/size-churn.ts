import { generatedReason } from "../../diff/generated-reason.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { PR_SHAPE_RULES } from "./pr-shape-rules.ts";

/**
 * Flags PRs too large to review well. Reviews lose effectiveness past a few hundred lines, so
 * a large PR needs a human to plan the review (or to split it) whatever else is found.
 */
export function createSizeChurn(maxLines = 1000, maxFiles = 50) {
  const analyzer: Analyzer = {
    id: "size-churn",
    run({ files, config }) {
      // Lockfiles, generated and ignored files are big in the diff, but nobody reviews them.
      const reviewed = files.filter(
        (file) => !file.binary && generatedReason(file, config.ignore.paths) === null,
      );
      const lines = reviewed.reduce((sum, file) => sum + file.additions + file.deletions, 0);
      if (lines <= maxLines && reviewed.length <= maxFiles) return [];
      return [
        ruleFinding(PR_SHAPE_RULES.sizeChurn, {
          title: `Large pull request: ${lines} lines in ${reviewed.length} files`,
          message: `${lines} changed lines in ${reviewed.length} hand-written files (lockfiles, generated files and the config's \`ignore\` globs excluded) is more than one careful review covers (limits: ${maxLines} lines, ${maxFiles} files). ${PR_SHAPE_RULES.sizeChurn.fix}`,
        }),
      ];
    },
  };
  return analyzer;
}

export const sizeChurn: Analyzer = createSizeChurn();
