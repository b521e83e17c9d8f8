import { SUMMARY_MARKER } from "../render/markers.ts";
import { type AppIdentity, isAppAuthored } from "./app-identity.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export interface SummaryComment {
  id: number;
  body: string;
}

/** Finds our summary comment on the PR by its marker (the product contract's identity for it). */
export async function findSummaryComment(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  identity: AppIdentity,
): Promise<SummaryComment | null> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  // Only this app's comment counts: a human or another app quoting the marker must not hijack
  // the summary (editing another app's comment is a 403 that would fail the whole triage).
  const mine = comments.find((c) => c.body?.includes(SUMMARY_MARKER) && isAppAuthored(c, identity));
  return mine ? { id: mine.id, body: mine.body ?? "" } : null;
}
