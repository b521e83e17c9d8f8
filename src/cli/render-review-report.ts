import type { PathOwners } from "../codeowners/owners-for-paths.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import type { RiskLevel } from "../config/config-schema.ts";
import type { Finding, Side } from "../findings/finding.ts";
import type { PublishOutcome } from "../review/publish-outcome.ts";
import type { Coverage } from "../review/triage-result.ts";
import type { LlmReport } from "./llm-report.ts";
import { renderProblems } from "./render-problems.ts";

/** Everything `pr-triage review` prints; `--json` prints this object as is. */
export interface ReviewReport {
  base: string;
  mergeBase: string;
  head: { ref: string; sha: string };
  risk: { score: number; level: RiskLevel; needsHuman: boolean };
  check: { name: string; conclusion: string; title: string };
  label: string | null;
  routing: PublishOutcome["routing"];
  codeowners: PathOwners[];
  policies: {
    applied: { title: string; path: string; matched: string[] }[];
    skipped: { title: string; path: string; reason: string }[];
    /** The summary section the app shows for them. */
    markdown: string;
  };
  coverage: Coverage;
  /** How the AI review went: status, reason, model, usage, cost, duration and output mode. */
  llm: LlmReport;
  configProblems: readonly ConfigProblem[];
  inlineComments: { path: string; line: number; side: Side; startLine: number | null; body: string }[];
  findings: readonly Finding[];
  /** The summary comment, exactly as the app would post it. */
  summary: string;
}

const RULE = "─".repeat(72);

/** The terminal form of a review: the verdict first, then the summary and each inline comment. */
export function renderReviewReport(report: ReviewReport): string {
  const out: string[] = [];
  out.push(
    `PR Triage · ${report.head.ref} (${report.head.sha.slice(0, 7)}) against ${report.base}`,
    `Risk:     ${report.risk.level} (${report.risk.score}/100)${report.risk.needsHuman ? " · needs human review" : ""}`,
    `Check:    "${report.check.name}" → ${report.check.conclusion} · ${report.check.title}`,
    `Label:    ${report.label ?? "(labels off)"}`,
    `Coverage: ${report.coverage.llmReviewed.length} of ${report.coverage.totalFiles} file(s) reviewed by the AI; all checked by the analyzers`,
    `AI:       ${report.llm.status}${report.llm.model ? ` · ${report.llm.model}` : ""}${report.llm.reason ? ` · ${report.llm.reason}` : ""}`,
  );
  const requested = report.routing?.requested ?? [];
  out.push(
    `Routing:  ${requested.length === 0 ? "nobody requested" : requested.map((r) => `${r.reviewer} (${r.reason})`).join(", ")}`,
  );
  const owned = report.codeowners.filter((o) => o.owners.length > 0);
  if (owned.length > 0) {
    out.push("Owners:");
    for (const o of owned) out.push(`  ${o.path}: ${o.owners.join(" ")} (CODEOWNERS line ${o.line})`);
  }
  if (report.policies.applied.length + report.policies.skipped.length > 0) {
    out.push("Policies:");
    for (const p of report.policies.applied) out.push(`  ✓ ${p.title} (${p.path})`);
    for (const p of report.policies.skipped) out.push(`  ✗ ${p.title} (${p.path}): ${p.reason}`);
  }
  if (report.configProblems.length > 0) {
    out.push(
      "",
      "Configuration problems (triage used the defaults for these parts):",
      renderProblems(report.configProblems),
    );
  }
  out.push("", `${RULE}\nSummary comment\n${RULE}`, report.summary);
  out.push("", `${RULE}\nInline comments (${report.inlineComments.length})\n${RULE}`);
  for (const comment of report.inlineComments) {
    const range = comment.startLine === null ? `${comment.line}` : `${comment.startLine}-${comment.line}`;
    out.push(`${comment.path}:${range} (${comment.side})`, indent(comment.body), "");
  }
  return `${out.join("\n")}\n`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? "" : `    ${line}`))
    .join("\n");
}
