/** The hidden marker that identifies our one summary comment on a PR (product contract). */
export const SUMMARY_MARKER = "<!-- pr-triage:summary -->";

/** Marks a review as ours for one head SHA, so a retried POST can find what already landed. */
export function reviewMarker(headSha: string): string {
  return `<!-- pr-triage:review ${headSha} -->`;
}
