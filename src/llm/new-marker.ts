import { randomBytes } from "node:crypto";

/** What every marker starts with, so `neutralize` can defuse forged ones. */
export const MARKER_PREFIX = "<<<PR-TRIAGE-";

/** A fresh delimiter per request, so PR text cannot know it in advance. */
export function newMarker(): string {
  return `${MARKER_PREFIX}${randomBytes(8).toString("hex")}>>>`;
}
