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
const CONTEXT_LINES = 3;

/**
 * Context tokens added per PR (§2 of issue 14), against the diff tokens sent without context.
 * Context needs head files, and the corpus PRs are diffs only: the one head content they hold
 * is their added files, all of it in the diff already (so a first review of them gets no
 * enclosing block). Two measurements, then:
 * - corpus: each added file, at a later push that rewrites its middle line (the hunk shows 3
 *   lines either side), gets its enclosing block from that real code; per PR, up to `maxFiles`;
 * - this repository's own history: each non-merge commit is one "PR", reviewed at that commit
 *   with the CLI's git source, so enclosing blocks and uses of changed exports are both real.
 */
export async function runContextBench(): Promise<void> {
  if (existsSync(CORPUS)) await corpusPushes();
  else console.log("corpus not found at ../shared/corpus/prs: only git history is measured");
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

/** The corpus measurement: one simulated later push per added file (see above). */
async function corpusPushes(): Promise<void> {
  const config = defaultConfig();
  const budget = diffTokenBudget(config.llm.maxInputTokens, POLICIES, PR.title, PR.body);
  const perPr: number[] = [];
  let pushedFiles = 0;
  for (const name of readdirSync(CORPUS).filter((n) => n.endsWith(".diff"))) {
    const added = parseUnifiedDiff(readFileSync(new URL(name, CORPUS), "utf8")).filter(
      (file) =>
        file.status === "added" && !file.binary && (file.hunks[0]?.lines.length ?? 0) > 2 * CONTEXT_LINES + 1,
    );
    const heads = new Map(
      added.map((file) => [file.path, (file.hunks[0]?.lines ?? []).map((l) => l.content).join("\n")]),
    );
    const pushes = added.map(middleLinePush);
    const prepared = await prepareTriage({ files: pushes, config, pr: PR }, budget);
    if (prepared.pack.chunks.length === 0) continue;
    const source = { read: async (path: string) => heads.get(path) ?? null, search: async () => [] };
    const context = await addReviewContext(
      prepared.pack,
      prepared.sent ?? [],
      source,
      config.llm.context,
      budget,
    );
    pushedFiles += Math.min(config.llm.context.maxFiles, prepared.sent?.length ?? 0);
    perPr.push(context.tokens);
  }
  const sorted = [...perPr].sort((a, b) => a - b);
  console.log(
    `corpus: ${perPr.length} PRs with added files (${pushedFiles} files re-sent), a later push rewriting each file's middle line: enclosing-block tokens added per PR median ${percentile(sorted, 50)}, p90 ${percentile(sorted, 90)}`,
  );
}

/** The added file as a later push would modify it: its middle line rewritten, 3 lines of context. */
function middleLinePush(file: DiffFile): DiffFile {
  const lines = file.hunks[0]?.lines ?? [];
  const middle = Math.floor(lines.length / 2);
  const first = middle - CONTEXT_LINES;
  const shown = lines.slice(first, middle + CONTEXT_LINES + 1).map((line, i) => ({
    kind: i === CONTEXT_LINES ? ("add" as const) : ("context" as const),
    content: line.content,
    oldLine: first + i + 1,
    newLine: first + i + 1,
  }));
  const hunk = {
    oldStart: first + 1,
    oldLines: shown.length,
    newStart: first + 1,
    newLines: shown.length,
    section: "",
    lines: shown,
  };
  return { ...file, status: "modified", additions: 1, deletions: 0, hunks: [hunk] };
}
