import { countTokens } from "gpt-tokenizer";
import { defaultConfig } from "../src/config/config-schema.ts";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { parseFilePatch } from "../src/diff/parse-file-patch.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { renderFileForModel } from "../src/diff/render-file-for-model.ts";
import { planReviewScope, type ReviewScope } from "../src/incremental/plan-review-scope.ts";
import { buildReviewMessages } from "../src/llm/build-review-messages.ts";
import { diffTokenBudget } from "../src/llm/diff-token-budget.ts";
import { prepareTriage } from "../src/triage/prepare-triage.ts";
import { generatePrDiff } from "./generate-pr-diff.ts";

const POLICIES = "No repository policies apply to this pull request.";
const PR = { author: "someone", authorType: "User", headRef: "feature", title: "Add handlers", body: "" };

/**
 * LLM input tokens on the second push of a 20-file PR that changes one line of one file: the
 * incremental review (only the PR hunks that changed since the last head) against a full
 * review of the same head, the naive alternative. The target is at most the changed
 * file's share of the full diff plus the prompt.
 */
export async function runIncrementalBench(): Promise<void> {
  const firstHead = parseUnifiedDiff(generatePrDiff({ files: 20, changedLines: 1_200, seed: 14 }));
  const { files, compare, changedPath } = pushOneLineChange(firstHead);
  const previous = {
    headSha: "a".repeat(40),
    baseRef: "main",
    findings: {},
    ai: { unreviewed: [], findings: [] },
  };
  const incremental = await planReviewScope(
    previous,
    { headSha: "b".repeat(40), baseRef: "main" },
    files,
    async () => ({
      status: "ahead",
      files: [compare],
    }),
  );
  const full = await tokensSent(files, { mode: "full", reason: "naive" });
  const narrowed = await tokensSent(files, incremental);
  const changedFile = files.find((file) => file.path === changedPath);
  const share = changedFile ? countTokens(renderFileForModel(changedFile)) : 0;
  const prompt = promptTokens();
  console.log(`20-file PR (${files.length} files parsed), second push rewrites one line of ${changedPath}`);
  console.log(`full review (naive):        ${full.tokens} input tokens in ${full.requests} request(s)`);
  console.log(
    `incremental review (ours):  ${narrowed.tokens} input tokens in ${narrowed.requests} request(s) = ${(narrowed.tokens / full.tokens).toFixed(3)}× the full review`,
  );
  console.log(
    `target (changed file's share ${share} + prompt ${prompt}): ≤ ${share + prompt} tokens → ${narrowed.tokens <= share + prompt ? "met" : "NOT met"}`,
  );
}

/** The second push: one added line of the first modified file is rewritten. */
function pushOneLineChange(files: DiffFile[]): { files: DiffFile[]; compare: DiffFile; changedPath: string } {
  const target = files.find((file) => file.status === "modified" && file.hunks.length > 1);
  const hunk = target?.hunks[1];
  const line = hunk?.lines.find((l) => l.kind === "add");
  if (!target || !hunk || !line || line.newLine === null)
    throw new Error("Expected the generated PR to have a modified file with two hunks and an added line.");
  const rewritten = `${line.content} // retried`;
  const next = files.map((file) =>
    file !== target
      ? file
      : {
          ...file,
          hunks: file.hunks.map((h) => ({
            ...h,
            lines: h.lines.map((l) => (l === line ? { ...l, content: rewritten } : l)),
          })),
        },
  );
  const compare = parseFilePatch({
    filename: target.path,
    status: "modified",
    additions: 1,
    deletions: 1,
    patch: `@@ -${line.newLine},1 +${line.newLine},1 @@\n-${line.content}\n+${rewritten}`,
  });
  return { files: next, compare, changedPath: target.path };
}

async function tokensSent(
  files: DiffFile[],
  scope: ReviewScope,
): Promise<{ tokens: number; requests: number }> {
  const config = defaultConfig();
  const prepared = await prepareTriage(
    { files, config, pr: PR },
    diffTokenBudget(config.llm.maxInputTokens, POLICIES, PR.title, PR.body),
    scope,
  );
  const conversations = buildReviewMessages({
    title: PR.title,
    body: PR.body,
    policies: POLICIES,
    chunks: prepared.pack.chunks.map((chunk) => chunk.text),
    secrets: [],
  });
  const tokens = conversations.flat().reduce((sum, message) => sum + countTokens(String(message.content)), 0);
  return { tokens, requests: conversations.length };
}

/** System and user messages around an empty diff: what every request costs before any code. */
function promptTokens(): number {
  const [messages] = buildReviewMessages({
    title: PR.title,
    body: PR.body,
    policies: POLICIES,
    chunks: [""],
    secrets: [],
  });
  return (messages ?? []).reduce((sum, message) => sum + countTokens(String(message.content)), 0);
}
