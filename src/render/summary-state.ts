import { type AiReviewState, isAiReviewState } from "../incremental/ai-review-state.ts";
import { sanitizeMarkdown } from "./sanitize-markdown.ts";
/**
 * "Not a problem", said on this PR by a user with write access (`/triage ignore` on an inline
 * comment: one finding; `/triage ignore rule <id>`: every finding of that rule on this PR).
 */
export type IgnoreEntry =
  /** `title` and `ruleId` are filled in while the finding is in the diff (for later summaries and analytics). */
  | { kind: "finding"; fingerprint: string; by: string; title?: string; ruleId?: string }
  | { kind: "rule"; ruleId: string; by: string };

/** What the summary remembers between pushes, hidden in the comment itself (no database needed). */
export interface SummaryState {
  headSha: string;
  /** Fingerprint → title of every finding in that triage that was not ignored. */
  findings: Record<string, string>;
  /** The base branch then: after a retarget, the next push is reviewed in full. */
  baseRef?: string;
  /** What the AI review covered at `headSha`, so the next push re-sends only what changed. */
  ai?: AiReviewState;
  /** The PR's ignores, carried from push to push; absent in summaries written before them. */
  ignored?: IgnoreEntry[];
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
    if (parsed.ignored !== undefined) {
      parsed.ignored = Array.isArray(parsed.ignored) ? parsed.ignored.filter(isIgnoreEntry) : [];
    }
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

function isIgnoreEntry(entry: unknown): entry is IgnoreEntry {
  if (entry === null || typeof entry !== "object") return false;
  const { kind, by, fingerprint, ruleId } = entry as Record<string, unknown>;
  if (typeof by !== "string") return false;
  return kind === "finding" ? typeof fingerprint === "string" : kind === "rule" && typeof ruleId === "string";
}

/**
 * New, fixed and still-open findings since the last triage. A finding ignored since then is not
 * "fixed": `suppressed` holds the fingerprints hidden by an ignore in this triage.
 */
export function diffSummaryState(
  previous: SummaryState,
  current: SummaryState,
  suppressed: ReadonlySet<string> = new Set(),
): FindingDelta {
  const before = new Set(Object.keys(previous.findings));
  const now = Object.keys(current.findings);
  return {
    previousHead: previous.headSha,
    added: now.filter((fp) => !before.has(fp)).length,
    stillOpen: now.filter((fp) => before.has(fp)).length,
    fixed: [...before]
      .filter((fp) => !(fp in current.findings) && !suppressed.has(fp))
      .map((fp) => previous.findings[fp] ?? fp),
  };
}
