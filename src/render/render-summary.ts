import type { Finding, Severity } from "../findings/finding.ts";
import type { LlmUsage } from "../llm/review-with-llm.ts";
import { renderPolicySummary } from "../policies/render-policy-summary.ts";
import type { PublishOutcome } from "../review/publish-outcome.ts";
import type { LlmOutcome, TriageResult } from "../review/triage-result.ts";
import { RISK_RULE } from "../risk/risk-rule.ts";
import { SUMMARY_MARKER } from "./markers.ts";
import { renderIgnored } from "./render-ignored.ts";
import { renderLlmFacts } from "./render-llm-facts.ts";
import { renderReviewGuide } from "./render-review-guide.ts";
import { capLength, cell, sanitizeMarkdown } from "./sanitize-markdown.ts";
import { encodeSummaryState } from "./summary-state.ts";

export interface SummaryContext {
  /** `https://github.com/owner/repo` (or the GHE equivalent), for file links. */
  repoUrl: string;
  host: string;
  /** The PR's number, for links into its "Files changed" view; absent in the CLI. */
  pullNumber?: number;
}

const LEVEL_ICON = { low: "🟢", medium: "🟡", high: "🟠", critical: "🔴" } as const;
const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

/**
 * The sticky summary comment, in the order a reviewer reads it: the verdict, the review guide
 * (what changed, where to look first, effort), why (folded), what was found, who was asked,
 * what changed since the last push, and what was (not) covered. Low-risk PRs stay short.
 */
export function renderSummary(
  result: TriageResult,
  outcome: PublishOutcome,
  context: SummaryContext,
): string {
  const { risk } = result;
  const brief = risk.level === "low" && result.findings.length === 0;
  const parts: string[] = [SUMMARY_MARKER, encodeSummaryState(result.state, context.host)];
  parts.push(
    `## ${LEVEL_ICON[risk.level]} PR Triage: ${risk.level} risk (${risk.score}/100)`,
    risk.needsHuman ? "> [!WARNING]\n> **AI review unavailable: needs human review.**" : "",
    llmLine(result.llm, context),
    renderReviewGuide(result.guide, risk.level, context),
  );
  if (!brief && (risk.contributions.length > 0 || risk.floor > 0))
    parts.push(renderBreakdown(result, context));
  parts.push(result.findings.length > 0 ? renderFindings(result, outcome, context) : "No findings.");
  parts.push(renderIgnored(result.ignored, result.state.ignored ?? [], context.host));
  parts.push(renderRouting(outcome));
  parts.push(renderDelta(result, context));
  if (result.configProblems.length > 0) {
    parts.push(
      "### Configuration problems",
      "Triage used the defaults for these parts.",
      "| File | Key | Problem | How to fix |",
      "|---|---|---|---|",
      ...result.configProblems.map(
        (p) => `| \`${cell(p.file)}\` | \`${cell(p.keyPath)}\` | ${cell(p.problem)} | ${cell(p.fix)} |`,
      ),
    );
  }
  if (result.policies)
    parts.push(renderPolicySummary(result.policies, result.llm.mode === "ok", context.host));
  parts.push(renderCoverage(result));
  return capLength(parts.filter((p) => p !== "").join("\n\n"));
}

function renderBreakdown(result: TriageResult, context: SummaryContext): string {
  const { risk } = result;
  const rows = [
    "<details><summary><b>Why this score</b></summary>",
    "",
    "| Signal | Points | Reason |",
    "|---|---:|---|",
  ];
  if (risk.floor > 0)
    rows.push(`| floor | ${risk.floor} | ${cell(clean(risk.floorReason ?? "", context))} |`);
  for (const c of risk.contributions.slice(0, 10)) {
    rows.push(`| ${cell(c.signal)} | +${c.points} | ${cell(clean(c.reason, context))} |`);
  }
  if (risk.contributions.length > 10)
    rows.push(`| … | | ${risk.contributions.length - 10} smaller signals |`);
  rows.push(
    "",
    `Score = max(floor ${risk.floor}, signals ${risk.combined}) = **${risk.score}**.`,
    "",
    `_${RISK_RULE}_`,
  );
  const bySignal = new Map<string, number>();
  for (const c of risk.contributions) bySignal.set(c.signal, (bySignal.get(c.signal) ?? 0) + c.points);
  if ((risk.level === "high" || risk.level === "critical") && bySignal.size > 1) {
    rows.push(
      "",
      "```mermaid",
      "pie showData title Risk signals",
      ...[...bySignal].map(([signal, points]) => `  "${signal.replace(/["\n]/g, "")}" : ${points}`),
      "```",
    );
  }
  rows.push("", "</details>");
  return rows.join("\n");
}

function llmLine(llm: LlmOutcome, context: SummaryContext): string {
  switch (llm.mode) {
    case "no-key":
      return "_Analyzers-only mode: no `OPENAI_API_KEY` is configured, so no AI review ran._";
    case "disabled-by-config":
      return "_Analyzers-only mode: the LLM is disabled in `.github/pr-triage.yml`._";
    case "nothing-to-review":
      return "_No file needed an AI review._";
    case "unavailable":
      // The reason can quote the endpoint's own error text: data, like model output.
      return `_AI review (\`${llm.model}\`) failed: ${clean(llm.reason, context)}. ${usageLine(llm.usage, llm.costUsd)}${renderLlmFacts(llm.facts)}_`;
    case "ok":
      return `_AI review by \`${llm.model}\`: ${usageLine(llm.usage, llm.costUsd)}${renderLlmFacts(llm.facts)}_`;
  }
}

function usageLine(usage: LlmUsage, costUsd: number | null): string {
  const cost = costUsd === null ? "cost unknown" : `≈ $${costUsd.toFixed(costUsd < 0.01 ? 4 : 2)}`;
  return `${usage.requests} request(s), ${usage.inputTokens} input tokens (${usage.cachedTokens} cached), ${usage.outputTokens} output tokens, ${cost}.`;
}

function renderFindings(result: TriageResult, outcome: PublishOutcome, context: SummaryContext): string {
  const inline = new Set(outcome.inline.map((i) => i.finding));
  const reasons = new Map(outcome.summaryOnly.map((s) => [s.finding, s.reason]));
  const lines: string[] = ["### Findings"];
  for (const severity of SEVERITY_ORDER) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    // A blank line first, or Markdown continues the previous list item with the heading.
    lines.push("", `**${severity}** (${group.length})`);
    for (const finding of group) {
      const where = location(finding, result.headSha, context);
      const note = inline.has(finding) ? "inline comment" : (reasons.get(finding) ?? "");
      const policy = finding.policy ? ` (policy: ${clean(finding.policy, context)})` : "";
      lines.push(
        `- ${where}**${clean(finding.title, context)}**${policy}: ${clean(oneLine(finding.message), context)} _(${note})_`,
      );
    }
  }
  return lines.join("\n");
}

function renderRouting({ routing }: PublishOutcome): string {
  if (!routing || (routing.requested.length + routing.failed.length === 0 && routing.skipped.length === 0))
    return "";
  const lines = ["### Reviewers"];
  for (const r of routing.requested) lines.push(`- Requested ${r.reviewer}: ${r.reason}`);
  for (const r of routing.skipped) lines.push(`- Not requested ${r.reviewer}: ${r.reason}`);
  for (const r of routing.failed) lines.push(`- ⚠️ Could not request ${r.reviewer}: ${r.reason}`);
  return lines.join("\n");
}

function renderDelta(result: TriageResult, context: SummaryContext): string {
  const delta = result.delta;
  if (!delta) return "";
  const fixed =
    delta.fixed.length > 0
      ? `; fixed: ${delta.fixed
          .slice(0, 10)
          .map((t) => `“${cell(clean(t, context))}”`)
          .join(", ")}`
      : "";
  return `### Since the last triage (${delta.previousHead.slice(0, 7)})\n${delta.added} new, ${delta.fixed.length} fixed, ${delta.stillOpen} still open${fixed}.`;
}

function location(finding: Finding, headSha: string, context: SummaryContext): string {
  if (finding.path === null) return "";
  const label = finding.line ? `${finding.path}:${finding.line}` : finding.path;
  const anchor = finding.line && finding.side === "RIGHT" ? `#L${finding.line}` : "";
  const url = `${context.repoUrl}/blob/${headSha}/${finding.path.split("/").map(encodeURIComponent).join("/")}${anchor}`;
  return `[\`${cell(label).replace(/`/g, "'")}\`](${url}) `;
}

function renderCoverage(result: TriageResult): string {
  const { coverage } = result;
  // Without an AI review every file has the same reason; one line says it better than a list.
  const reasons = new Set(coverage.analyzersOnly.map((f) => f.reason));
  const sameReason = coverage.llmReviewed.length === 0 && reasons.size === 1 ? ` (${[...reasons][0]})` : "";
  const head = `### Coverage\n${coverage.llmReviewed.length} of ${coverage.totalFiles} files reviewed by the AI${sameReason}; all ${coverage.totalFiles} checked by the analyzers.${scopeLine(coverage.scope)}`;
  const unseen =
    coverage.notListed > 0
      ? `\n\n> [!WARNING]\n> GitHub lists at most 3,000 files per pull request: **${coverage.notListed} more files were not seen** by any check. Review them by hand or split the PR.`
      : "";
  if (coverage.analyzersOnly.length === 0) return head + unseen;
  if (sameReason) return head + unseen;
  const rows = coverage.analyzersOnly
    .slice(0, 100)
    .map((f) => `- \`${cell(f.path).replace(/`/g, "'")}\`: ${f.reason}`);
  const more =
    coverage.analyzersOnly.length > 100 ? [`- … and ${coverage.analyzersOnly.length - 100} more`] : [];
  return `${head}\n\n<details><summary>Analyzers only (${coverage.analyzersOnly.length})</summary>\n\n${[...rows, ...more].join("\n")}\n\n</details>${unseen}`;
}

/** Says whether this push re-sent everything, and why, or only what changed since the last head. */
function scopeLine(scope: TriageResult["coverage"]["scope"]): string {
  if (!scope || (scope.mode === "full" && scope.reason === "first triage")) return "";
  if (scope.mode === "full") return ` Reviewed in full: ${cell(scope.reason)}.`;
  const carried = `${scope.carried} earlier finding${scope.carried === 1 ? "" : "s"} carried forward`;
  return ` Reviewed changes since ${scope.since.slice(0, 7)}; ${carried}.`;
}

function clean(text: string, context: SummaryContext): string {
  return sanitizeMarkdown(text, context.host);
}

function oneLine(text: string): string {
  const first = text.split(/\n\s*\n/)[0] ?? "";
  const flat = first.replace(/\s*\n\s*/g, " ");
  return flat.length <= 400 ? flat : `${flat.slice(0, 400).replace(/\s+\S*$/, "")} …`;
}
