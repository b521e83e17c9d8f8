import type { RiskLevel } from "../config/config-schema.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { isLockfile, isProseFile, isSourceFile, isTestFile } from "../diff/file-kinds.ts";
import { generatedReason } from "../diff/generated-reason.ts";

export interface ReviewEffort {
  /** Rounded to 5 minutes, at least 5, at most `MAX_EFFORT_MINUTES`. */
  minutes: number;
  /** PR-Agent's familiar 1–5 scale, from the minutes (see `EFFORT_LEVELS`). */
  level: 1 | 2 | 3 | 4 | 5;
  /** True when the estimate hit the cap: the PR is past what one sitting reviews well. */
  capped: boolean;
  /** Changed lines after weighting by file kind, for the explanation. */
  weightedLines: number;
}

/**
 * Lines a reviewer reads per minute in source code: 300 changed lines an hour, inside the
 * 200–400 LOC/hour the SmartBear/Cisco review study found effective.
 */
export const LINES_PER_MINUTE = 5;
/** Reading the description and getting oriented. */
export const BASE_MINUTES = 5;
/** Opening a file and finding one's bearings in it. */
export const MINUTES_PER_FILE = 1;
/** Past four hours, one number means little: the summary says "split the PR" instead. */
export const MAX_EFFORT_MINUTES = 240;

/** How much of a changed line a reviewer reads, by file kind. Generated files are skimmed. */
export const KIND_WEIGHTS = { source: 1, config: 0.75, test: 0.5, prose: 0.25, generated: 0 } as const;

/** Riskier code is read more slowly and twice when it matters. */
export const RISK_MULTIPLIERS: Record<RiskLevel, number> = { low: 1, medium: 1.25, high: 1.5, critical: 2 };

/** Upper bound in minutes of levels 1–4; anything longer is level 5. */
export const EFFORT_LEVELS = [15, 30, 60, 120] as const;

/** The one definition of "generated" (known paths, `@generated` headers); see generatedReason. */
export function fileKind(file: DiffFile, userIgnores: readonly string[] = []): keyof typeof KIND_WEIGHTS {
  if (
    file.binary ||
    file.patchMissing ||
    isLockfile(file.path) ||
    generatedReason(file, userIgnores) !== null
  )
    return "generated";
  if (isTestFile(file.path)) return "test";
  if (isProseFile(file.path)) return "prose";
  return isSourceFile(file.path) ? "source" : "config";
}

/**
 * minutes = (BASE + files × MINUTES_PER_FILE + Σ(changed lines × kind weight) / LINES_PER_MINUTE)
 * × risk multiplier, rounded up to 5 and capped. See README ("Estimated review effort") for how
 * the constants were checked against the corpus PRs.
 */
export function estimateReviewEffort(files: readonly DiffFile[], risk: RiskLevel): ReviewEffort {
  let weightedLines = 0;
  for (const file of files) weightedLines += (file.additions + file.deletions) * KIND_WEIGHTS[fileKind(file)];
  const raw =
    (BASE_MINUTES + files.length * MINUTES_PER_FILE + weightedLines / LINES_PER_MINUTE) *
    RISK_MULTIPLIERS[risk];
  const minutes = Math.min(MAX_EFFORT_MINUTES, Math.max(5, Math.ceil(raw / 5) * 5));
  const index = EFFORT_LEVELS.findIndex((bound) => minutes <= bound);
  return {
    minutes,
    level: (index < 0 ? 5 : index + 1) as ReviewEffort["level"],
    capped: raw > MAX_EFFORT_MINUTES,
    weightedLines: Math.round(weightedLines),
  };
}
