import type { AnalyzerInput } from "../src/analyzers/analyzer.ts";
import { dependencies } from "../src/analyzers/dependencies/dependencies.ts";
import { defaultConfig } from "../src/config/config-schema.ts";
import type { DiffFile } from "../src/diff/diff-model.ts";
import type { Finding } from "../src/findings/finding.ts";
import { type CorpusPr, corpusContents } from "./corpus-contents.ts";
import type { EvalReport } from "./eval-report.ts";

/**
 * New packages found on the corpus PRs that add dependencies: the diff-only checks (what the
 * analyzer did before it read manifests) against the parsed base and head texts. Ground truth is
 * the parsed comparison itself, so the figure that matters is what the diff-only reading misses.
 */
export async function evalNewDependencies(
  prs: readonly { pr: CorpusPr; files: DiffFile[] }[],
  report: EvalReport,
): Promise<void> {
  report.heading(
    "New dependencies on real PRs (dependencies: diff only vs parsed manifests at base and head)",
  );
  let rebuilt = 0;
  let notRebuilt = 0;
  let prsAdding = 0;
  let foundBefore = 0;
  let foundAfter = 0;
  let prsFullyFoundBefore = 0;
  let falseNewBefore = 0;
  const lockfileRules = new Map<string, number>();
  const details: string[] = [];
  for (const { pr, files } of prs) {
    const { contents, missing } = corpusContents(pr, files);
    rebuilt += contents.length;
    notRebuilt += missing.length;
    if (contents.length === 0) continue;
    const before = countNew(await run(files, undefined));
    const afterFindings = await run(files, contents);
    const after = countNew(afterFindings);
    for (const finding of afterFindings) {
      if (
        finding.ruleId.startsWith("dependencies/lockfile-") &&
        finding.ruleId !== "dependencies/lockfile-only"
      ) {
        lockfileRules.set(finding.ruleId, (lockfileRules.get(finding.ruleId) ?? 0) + 1);
      }
    }
    falseNewBefore += Math.max(0, before - after);
    if (after === 0) continue;
    prsAdding++;
    foundBefore += Math.min(before, after);
    foundAfter += after;
    if (before >= after) prsFullyFoundBefore++;
    details.push(`${pr.file.replace(/\.diff$/, "")}: ${before} → ${after}`);
  }
  report.row(
    "changed manifests/lockfiles rebuilt",
    `${rebuilt} (not rebuilt: ${notRebuilt}${process.env.EVAL_GIT_MIRRORS ? "" : "; set EVAL_GIT_MIRRORS for modified files"})`,
  );
  report.row("PRs that add packages", `${prsAdding}`);
  report.row(
    "new packages found, diff only (before)",
    `${foundBefore}/${foundAfter} = ${pct(foundBefore / Math.max(1, foundAfter))}`,
  );
  report.row("new packages found, parsed (after)", `${foundAfter}/${foundAfter}`);
  report.row("packages the diff alone called new but were not", `${falseNewBefore}`);
  report.row(
    "PRs with every added package found",
    `before ${prsFullyFoundBefore}/${prsAdding}, after ${prsAdding}/${prsAdding}`,
  );
  for (const line of details) report.row("  diff only → parsed", line);
  report.row(
    "lockfile findings on changed entries (noise)",
    lockfileRules.size === 0 ? "none" : [...lockfileRules].map(([rule, n]) => `${rule} ${n}`).join(", "),
  );
  if (foundAfter < foundBefore) report.fail("parsed manifests found fewer new packages than the diff");
}

async function run(files: DiffFile[], contents: AnalyzerInput["contents"]): Promise<Finding[]> {
  const input: AnalyzerInput = {
    files,
    config: defaultConfig(),
    pr: { author: "contributor", authorType: "User", headRef: "patch-1", title: "", body: "" },
    ...(contents ? { contents } : {}),
  };
  return await dependencies.run(input);
}

/** Sum of the counts in "N new dependencies in <path>" titles. */
function countNew(findings: readonly Finding[]): number {
  return findings
    .filter((finding) => finding.ruleId === "dependencies/new")
    .reduce((sum, finding) => sum + Number(/^(\d+) new/.exec(finding.title)?.[1] ?? 0), 0);
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
