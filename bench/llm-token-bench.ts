import { existsSync, readdirSync, readFileSync } from "node:fs";
import { countTokens } from "gpt-tokenizer";
import { defaultConfig } from "../src/config/config-schema.ts";
import { filterFiles } from "../src/diff/filter-files.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { renderFileForModel } from "../src/diff/render-file-for-model.ts";
import { buildReviewMessages } from "../src/llm/build-review-messages.ts";
import { diffTokenBudget } from "../src/llm/diff-token-budget.ts";
import { prepareTriage } from "../src/triage/prepare-triage.ts";

const CORPUS = new URL("../../shared/corpus/prs/", import.meta.url);

/**
 * Tokens PR Triage sends to the LLM for each corpus PR (system + user messages, as built for the
 * real request), against the tokens of the PR's full line-numbered diff and of its raw unified
 * diff (what a naive reviewer would paste). Shows what filtering and the budget cut, and what
 * the prompt framing costs.
 */
export async function runLlmTokenBench(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log("skipped: ../shared/corpus/prs not found");
    return;
  }
  const config = defaultConfig();
  const names = readdirSync(CORPUS).filter((name) => name.endsWith(".diff"));
  let raw = 0;
  let numbered = 0;
  let reviewableNumbered = 0;
  let sent = 0;
  let requests = 0;
  let cachedPrefix = 0;
  let skippedFiles = 0;
  let overBudgetPrs = 0;
  for (const name of names) {
    const text = readFileSync(new URL(name, CORPUS), "utf8");
    const files = parseUnifiedDiff(text);
    raw += countTokens(text);
    numbered += files.reduce((sum, file) => sum + countTokens(renderFileForModel(file)), 0);
    reviewableNumbered += filterFiles(files, config.ignore.paths).reviewable.reduce(
      (sum, file) => sum + countTokens(renderFileForModel(file)),
      0,
    );
    const pr = { author: "someone", authorType: "User", headRef: "feature", title: name, body: "" };
    const policies = "No repository policies apply to this pull request.";
    const prepared = await prepareTriage(
      { files, config, pr },
      diffTokenBudget(config.llm.maxInputTokens, policies, pr.title, pr.body),
    );
    const conversations = buildReviewMessages({
      title: pr.title,
      body: pr.body,
      policies,
      chunks: prepared.pack.chunks.map((chunk) => chunk.text),
      secrets: [],
    });
    for (const messages of conversations) {
      const [system, user] = messages.map((m) => countTokens(String(m.content)));
      sent += (system ?? 0) + (user ?? 0);
      requests++;
    }
    // Every chunk after the first repeats a byte-identical system prompt that providers cache.
    const first = conversations[0]?.[0];
    if (first) cachedPrefix += (conversations.length - 1) * countTokens(String(first.content));
    skippedFiles += prepared.pack.skipped.length;
    if (prepared.pack.skipped.length > 0) overBudgetPrs++;
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `corpus PRs: ${names.length}, LLM requests: ${requests} (budget ${config.llm.maxInputTokens} tokens, ≤${config.llm.maxChunks} per PR)`,
  );
  console.log(`raw unified diffs (naive alternative): ${raw} tokens`);
  console.log(`line-numbered diffs of all files:      ${numbered} tokens (${pct(numbered, raw)} of raw)`);
  console.log(
    `  of which reviewable files (lockfiles, generated, binary, deleted left out): ${reviewableNumbered} tokens`,
  );
  console.log(
    `tokens sent, prompts included:         ${sent} tokens (${pct(sent, reviewableNumbered)} of reviewable line-numbered, ${pct(sent, numbered)} of all line-numbered, ${pct(sent, raw)} of raw)`,
  );
  console.log(`  of which cacheable repeated prefix:  ${cachedPrefix} tokens`);
  console.log(
    `files left out for budget: ${skippedFiles} in ${overBudgetPrs} PRs (listed in each summary's coverage)`,
  );
}
