/** How much the collectors read for the dependency checks: a few requests, never a whole monorepo. */
export const CONTENTS_LIMITS = { maxFiles: 20, maxBytes: 2 * 1024 * 1024 } as const;

export interface ContentsLimits {
  maxFiles: number;
  maxBytes: number;
}

/** A changed dependency file left to the diff-only checks, and why. */
export interface SkippedContents {
  path: string;
  reason: string;
}
