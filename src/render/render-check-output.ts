import type { TriageResult } from "../review/triage-result.ts";
import { capLength, MAX_CHECK_SUMMARY_CHARS } from "./sanitize-markdown.ts";

/** The check run's title and summary; the title carries score and level (product contract). */
export function renderCheckOutput(
  result: TriageResult,
  summaryMarkdown: string,
): { title: string; summary: string } {
  const { risk } = result;
  const human = risk.needsHuman ? " · needs human review" : "";
  const title = `Risk ${risk.score}/100 (${risk.level})${human} · ${result.findings.length} finding(s)`;
  return { title, summary: capLength(summaryMarkdown, MAX_CHECK_SUMMARY_CHARS) };
}
