import type { RiskLevel } from "../config/config-schema.ts";
import type { ReviewGuide } from "../review/build-review-guide.ts";
import { filesChangedUrl } from "./files-changed-url.ts";
import { cell, sanitizeMarkdown } from "./sanitize-markdown.ts";

export interface GuideContext {
  repoUrl: string;
  host: string;
  /** Without it (the CLI), files are named but not linked. */
  pullNumber?: number;
}

/**
 * The review guide: what changed (the model's words, sanitized; absent without an AI review),
 * where to look first (riskiest files, linked to "Files changed"), and the estimated effort.
 */
export function renderReviewGuide(guide: ReviewGuide, risk: RiskLevel, context: GuideContext): string {
  const parts: string[] = [];
  if (guide.whatChanged) {
    parts.push(
      "**What changed** _(AI summary)_",
      guide.whatChanged.map((line) => `- ${sanitizeMarkdown(asListText(line), context.host)}`).join("\n"),
    );
  }
  if (guide.hotspots.length > 0) {
    const rows = guide.hotspots.map((spot, index) => {
      const name = `\`${cell(spot.path).replace(/`/g, "'")}\``;
      const link =
        context.pullNumber === undefined
          ? name
          : `[${name}](${filesChangedUrl(context.repoUrl, context.pullNumber, spot.path)})`;
      return `${index + 1}. ${link} (+${spot.additions} −${spot.deletions}): ${sanitizeMarkdown(cell(spot.reason), context.host)}`;
    });
    parts.push("**Where to look first**", rows.join("\n"));
  }
  const { effort } = guide;
  const time = effort.capped
    ? `more than ${effort.minutes / 60} h: consider splitting the PR`
    : `~${formatMinutes(effort.minutes)}`;
  parts.push(`**Estimated review effort:** ${time} (effort ${effort.level}/5, ${risk} risk)`);
  return parts.join("\n\n");
}

/** One list item of prose: no fence that could swallow the rest of the summary, no heading or quote. */
function asListText(line: string): string {
  return line.replace(/`{3,}/g, "`").replace(/^\s*(?:#+|>+|[-*+](?=\s))\s*/, "");
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}
