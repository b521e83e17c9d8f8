import { randomBytes } from "node:crypto";

/** What every marker starts with, so `neutralize` can defuse forged ones. */
export const MARKER_PREFIX = "<<<PR-TRIAGE-";

/** Random bytes per marker: 8, written as 16 hex digits. */
const RANDOM_BYTES = 8;

/** Every marker `newMarker` makes, wherever it stands (the answer cache's key leaves them out). */
export const MARKER_PATTERN = new RegExp(`${MARKER_PREFIX}[0-9a-f]{${RANDOM_BYTES * 2}}>>>`, "g");

/** A fresh delimiter per request, so PR text cannot know it in advance. */
export function newMarker(): string {
  return `${MARKER_PREFIX}${randomBytes(RANDOM_BYTES).toString("hex")}>>>`;
}
