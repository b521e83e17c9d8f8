/** The hidden marker that identifies our one summary comment on a PR (product contract). */
export const SUMMARY_MARKER = "<!-- pr-triage:summary -->";

/** Marks a review as ours for one head SHA, so a retried POST can find what already landed. */
export function reviewMarker(headSha: string): string {
  return `<!-- pr-triage:review ${headSha} -->`;
}

const FINGERPRINT = /<!-- pr-triage:fp:([0-9a-f]{16}) -->/;

/** Hidden in each inline comment, so a later push does not post the same issue again. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- pr-triage:fp:${fingerprint} -->`;
}

export function readFingerprint(body: string | null | undefined): string | null {
  return FINGERPRINT.exec(body ?? "")?.[1] ?? null;
}
