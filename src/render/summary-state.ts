/** What the summary remembers between pushes, hidden in the comment itself (no database needed). */
export interface SummaryState {
  headSha: string;
  /** Fingerprint → title of every finding in that triage. */
  findings: Record<string, string>;
}

const PREFIX = "<!-- pr-triage:state ";

/** Base64url keeps PR-controlled titles from closing the HTML comment early. */
export function encodeSummaryState(state: SummaryState): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(state), "utf8").toString("base64url")} -->`;
}

/** Reads the state from a previous summary; anything unreadable counts as no previous triage. */
export function decodeSummaryState(body: string | null | undefined): SummaryState | null {
  if (!body) return null;
  const start = body.indexOf(PREFIX);
  if (start < 0) return null;
  const end = body.indexOf(" -->", start + PREFIX.length);
  if (end < 0) return null;
  try {
    const parsed = JSON.parse(
      Buffer.from(body.slice(start + PREFIX.length, end), "base64url").toString("utf8"),
    ) as SummaryState;
    if (typeof parsed.headSha !== "string" || typeof parsed.findings !== "object" || parsed.findings === null)
      return null;
    return parsed;
  } catch {
    return null;
  }
}

export interface FindingDelta {
  previousHead: string;
  added: number;
  stillOpen: number;
  /** Titles of findings that no longer appear. */
  fixed: string[];
}

/** New, fixed and still-open findings since the last triage. */
export function diffSummaryState(previous: SummaryState, current: SummaryState): FindingDelta {
  const before = new Set(Object.keys(previous.findings));
  const now = Object.keys(current.findings);
  return {
    previousHead: previous.headSha,
    added: now.filter((fp) => !before.has(fp)).length,
    stillOpen: now.filter((fp) => before.has(fp)).length,
    fixed: [...before].filter((fp) => !(fp in current.findings)).map((fp) => previous.findings[fp] ?? fp),
  };
}
