import { MARKER_PREFIX } from "./new-marker.ts";

/**
 * Makes PR-controlled text safe to place between markers: anything that looks like one of our
 * markers is defused, so a forged "END" line cannot close the block early.
 */
export function neutralize(text: string, marker: string): string {
  return text.split(marker).join("[marker removed]").replaceAll(MARKER_PREFIX, "<<<PR-TRIAGE(forged)-");
}
