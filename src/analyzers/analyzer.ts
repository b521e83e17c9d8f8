import type { TriageConfig } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import type { SecretHit } from "./secrets/scan-secrets.ts";

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
  /**
   * The PR's one secrets scan, made by the triage core before the analyzers run, so the secrets
   * analyzer and the redaction list can never disagree. Absent (in unit tests), it is scanned.
   */
  secretHits?: readonly SecretHit[];
  /**
   * Full text of the changed manifests and lockfiles at the PR's base and head, so dependency
   * checks compare parsed files instead of guessing from hunks. Absent (or a file missing from
   * it): those checks fall back to reading the diff.
   */
  contents?: readonly FileContents[];
}

/** One changed manifest or lockfile at both ends of the PR; `null` where the file does not exist. */
export interface FileContents {
  path: string;
  base: string | null;
  head: string | null;
  /** Why the collector could not read the file (over a limit, an API error): checked from the diff. */
  skipped?: string;
}

/**
 * A pure function from the diff model to findings; analyzers never do I/O. It may be async
 * only because a library it wraps is (secretlint's `lintSource`), never to fetch anything.
 */
export interface Analyzer {
  id: string;
  run(input: AnalyzerInput): Finding[] | Promise<Finding[]>;
}
