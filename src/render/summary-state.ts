import { type AiReviewState, isAiReviewState } from "../incremental/ai-review-state.ts";
import { sanitizeMarkdown } from "./sanitize-markdown.ts";

/** What the summary remembers between pushes, hidden in the comment itself (no database needed). */
export interface SummaryState {
  headSha: string;
  /** Fingerprint → title of every finding in that triage. */
  findings: Record<string, string>;
  /** The base branch then: after a retarget, the next push is reviewed in full. */
  baseRef?: string;
  /** What the AI review covered at `headSha`, so the next push re-sends only what changed. */
  ai?: AiReviewState;
}

const PREFIX = "<!-- pr-triage:state ";

/**
 * Base64url keeps PR-controlled titles from closing the HTML comment early. Carried AI findings
 * are model text: they are sanitized like everything posted (`host`: the PR's web host).
 */
export function encodeSummaryState(state: SummaryState, host = "github.com"): string {
  const stored: SummaryState = state.ai
    ? {
        ...state,
        ai: {
          ...state.ai,
          findings: state.ai.findings.map((f) => ({
            ...f,
            title: sanitizeMarkdown(f.title, host),
            message: sanitizeMarkdown(f.message, host),
          })),
        },
      }
    : state;
  return `${PREFIX}${Buffer.from(JSON.stringify(stored), "utf8").toString("base64url")} -->`;
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
    // A malformed AI record only costs a full review; it never discards the rest.
    if (parsed.ai !== undefined && !isAiReviewState(parsed.ai)) delete parsed.ai;
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
