import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { git } from "../src/cli/git.ts";
import { gitHeadSource } from "../src/cli/git-head-source.ts";
import { defaultConfig } from "../src/config/config-schema.ts";
import { addReviewContext } from "../src/context/add-review-context.ts";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { diffTokenBudget } from "../src/llm/diff-token-budget.ts";
import { prepareTriage } from "../src/triage/prepare-triage.ts";
import { percentile } from "../test/helpers/fault-harness.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = new URL("../../shared/corpus/prs/", import.meta.url);
const POLICIES = "No repository policies apply to this pull request.";
const PR = { author: "someone", authorType: "User", headRef: "feature", title: "change", body: "" };
const MAX_COMMITS = 60;

/**
 * Context tokens added per PR (§2 of issue 14), against the diff tokens sent without context.
 * Context needs the head files, which the corpus does not have: its PRs are diffs only, and the
 * one head content they hold (added files) is all diff already, so enclosing blocks add nothing
 * there by construction. The figures are therefore measured on this repository's own history:
 * each non-merge commit is one "PR", reviewed at that commit with the CLI's git source, so
 * enclosing blocks and uses are real. Shown with uses off (enclosing blocks only) and on.
 */
export async function runContextBench(): Promise<void> {
  if (existsSync(CORPUS)) {
    const added = readdirSync(CORPUS)
      .filter((name) => name.endsWith(".diff"))
      .flatMap((name) => parseUnifiedDiff(readFileSync(new URL(name, CORPUS), "utf8")))
      .filter((file) => file.status === "added").length;
    console.log(
      `corpus: ${added} added files are its only reconstructable head content; every line of them is in the diff, so enclosing blocks add 0 tokens there. Measured on git history instead:`,
    );
  }
  const commits = git(ROOT, ["log", "--no-merges", "--format=%H", `-n${MAX_COMMITS}`])
    .split("\n")
    .filter((sha) => sha !== "" && git(ROOT, ["rev-list", "--parents", "-n1", sha]).trim().includes(" "));
  const config = defaultConfig();
  const budget = diffTokenBudget(config.llm.maxInputTokens, POLICIES, PR.title, PR.body);
  const rows: { diff: number; blocks: number; all: number }[] = [];
  for (const sha of commits) {
    const files: DiffFile[] = parseUnifiedDiff(git(ROOT, ["diff", "-M", `${sha}^`, sha]));
    const prepared = await prepareTriage({ files, config, pr: PR }, budget);
    if (prepared.pack.chunks.length === 0) continue;
    const source = gitHeadSource(ROOT, sha, config.llm.context.searchFiles);
    const sent = prepared.sent ?? [];
    const blocks = await addReviewContext(
      prepared.pack,
      sent,
      source,
      { ...config.llm.context, callSites: 0 },
      budget,
    );
    const all = await addReviewContext(prepared.pack, sent, source, config.llm.context, budget);
    rows.push({
      diff: prepared.pack.chunks.reduce((sum, chunk) => sum + chunk.tokens, 0),
      blocks: blocks.tokens,
      all: all.tokens,
    });
  }
  const stat = (pick: (row: (typeof rows)[number]) => number) => {
    const sorted = rows.map(pick).sort((a, b) => a - b);
    return `median ${percentile(sorted, 50)}, p90 ${percentile(sorted, 90)}`;
  };
  const total = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0);
  console.log(
    `${rows.length} commits of this repository reviewed as PRs (default config, budget ${budget} tokens/request)`,
  );
  console.log(`diff tokens per PR (no context, the alternative): ${stat((r) => r.diff)}`);
  console.log(`context tokens added, enclosing blocks only:      ${stat((r) => r.blocks)}`);
  console.log(`context tokens added, blocks + uses of exports:   ${stat((r) => r.all)}`);
  console.log(
    `in all: context = ${(
      total((r) => r.all) /
        Math.max(
          1,
          total((r) => r.diff),
        )
    ).toFixed(2)}× the diff tokens (${total((r) => r.all)} / ${total((r) => r.diff)})`,
  );
}
