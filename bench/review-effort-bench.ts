import { existsSync, readFileSync } from "node:fs";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { estimateReviewEffort, LINES_PER_MINUTE } from "../src/review/estimate-review-effort.ts";
import { CORPUS_PRS } from "./diff-workloads.ts";

interface ManifestPr {
  files: { path: string; additions: number; deletions: number; binary: boolean }[];
}

/**
 * The review-effort estimate over the corpus PRs' real sizes (manifest.json), at low risk, by
 * percentile, against the naive alternative of reading every changed line at the same rate
 * (no per-file cost, no weighting by kind, no cap): the calibration the README quotes.
 */
export function runReviewEffortBench(): void {
  const manifest = `${CORPUS_PRS}/manifest.json`;
  if (!existsSync(manifest)) {
    console.log("skipped: ../shared/corpus/prs/manifest.json not found");
    return;
  }
  const prs = (JSON.parse(readFileSync(manifest, "utf8")) as { prs: ManifestPr[] }).prs;
  const rows = prs
    .map((pr) => {
      const files: DiffFile[] = pr.files.map((f) => ({
        path: f.path,
        oldPath: f.path,
        status: "modified",
        binary: f.binary,
        patchMissing: false,
        oldMode: null,
        newMode: null,
        additions: f.additions,
        deletions: f.deletions,
        hunks: [],
      }));
      const lines = files.reduce((sum, f) => sum + f.additions + f.deletions, 0);
      return {
        effort: estimateReviewEffort(files, "low"),
        naive: Math.max(5, Math.ceil(lines / LINES_PER_MINUTE / 5) * 5),
      };
    })
    .sort((a, b) => a.effort.minutes - b.effort.minutes);
  const naive = rows.map((row) => row.naive).sort((a, b) => a - b);
  console.log(`${prs.length} corpus PRs, low risk`);
  console.log(
    "| percentile | PR Triage (min) | level | naive lines ÷ 5/min (min) | ratio |\n|---|---:|---:|---:|---:|",
  );
  for (const q of [0.25, 0.5, 0.75, 0.9, 0.99]) {
    const index = Math.floor(q * (rows.length - 1));
    const ours = rows[index]?.effort;
    const plain = naive[index] ?? 0;
    console.log(
      `| p${q * 100} | ${ours?.minutes} | ${ours?.level} | ${plain} | ${((ours?.minutes ?? 0) / plain).toFixed(2)} |`,
    );
  }
  const capped = rows.filter((row) => row.effort.capped).length;
  console.log(
    `capped at 4 h ("split the PR"): ${capped} of ${rows.length} (${((100 * capped) / rows.length).toFixed(1)}%)`,
  );
}
