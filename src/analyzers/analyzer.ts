import type { TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";

/** What every analyzer sees: the whole PR's diff model (ignored files included) and the config. */
export interface AnalyzerInput {
  files: readonly DiffFile[];
  config: TriageConfig;
  pr: {
    author: string;
    authorType: string;
    headRef: string;
    title: string;
    body: string;
  };
}

/** A pure function from the diff model to findings; analyzers never do I/O. */
export interface Analyzer {
  id: string;
  run(input: AnalyzerInput): Finding[];
}
