import { defaultConfig } from "../src/config/config-schema.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { renderSummary } from "../src/render/render-summary.ts";
import { MAX_COMMENT_CHARS } from "../src/render/sanitize-markdown.ts";
import { plannedOutcome } from "../src/review/planned-outcome.ts";
import type { LlmOutcome } from "../src/review/triage-result.ts";
import { concludeTriage } from "../src/triage/conclude-triage.ts";
import { prepareTriage } from "../src/triage/prepare-triage.ts";
import { GENERATED, loadWorkload, workloadNames } from "./diff-workloads.ts";

const LLM_OK: LlmOutcome = {
  mode: "ok",
  model: "gpt-4.1-mini",
  usage: { inputTokens: 120_000, cachedTokens: 90_000, outputTokens: 2_400, requests: 4 },
  costUsd: 0.06,
};
const WHAT_CHANGED = Array.from(
  { length: 6 },
  (_, i) => `Area ${i + 1}: ${"a change described in words ".repeat(6)}`,
);

/**
 * Characters of the summary comment (review guide included) on the largest PRs, analyzers-only
 * and with an AI review, against GitHub's 65,536-character cap for a comment: the ratio says how
 * much room is left for findings, routing and policies before anything would be truncated.
 */
export async function runSummarySizeBench(): Promise<void> {
  const config = defaultConfig();
  const pr = { author: "dev", authorType: "User", headRef: "feature", title: "Big change", body: "" };
  const names = workloadNames().filter((name) => name === GENERATED || !name.startsWith("corpus: all"));
  console.log(
    "| workload | files | mode | summary chars | ÷ GitHub cap (65,536) |\n|---|---:|---|---:|---:|",
  );
  for (const name of names) {
    const files = loadWorkload(name).texts.flatMap((text) => parseUnifiedDiff(text));
    const prepared = await prepareTriage({ files, config, pr }, 30_000);
    for (const [mode, llm, whatChanged] of [
      ["analyzers only", { mode: "no-key" }, null],
      ["with the LLM", LLM_OK, WHAT_CHANGED],
    ] as const) {
      const result = concludeTriage({
        headSha: "0".repeat(40),
        files,
        config,
        prepared,
        llm,
        llmFindings: [],
        configProblems: [],
        whatChanged,
      });
      const chars = renderSummary(result, plannedOutcome(result), {
        repoUrl: "https://github.com/acme/app",
        host: "github.com",
        pullNumber: 1,
      }).length;
      console.log(
        `| ${name} | ${files.length} | ${mode} | ${chars} | ${(chars / MAX_COMMENT_CHARS).toFixed(3)} |`,
      );
    }
  }
}
