/**
 * Runs one measured task in a fresh process, so peak memory (`maxRSS`) belongs to that task
 * alone, and prints one JSON line. Started by diff-bench.ts:
 *   node --expose-gc bench/diff-measure.ts <ours|parse-diff|pipeline> <workload name>
 */
import { getHeapStatistics } from "node:v8";
import parseDiff from "parse-diff";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { loadWorkload } from "./diff-workloads.ts";

export interface Measurement {
  /** Wall time of the task, first (cold) run in this process. */
  coldMs: number;
  /** Median of the warm runs that follow. */
  warmMs: number;
  /** Peak resident set size of this process, whole run (includes Node itself and the input). */
  peakRssMb: number;
  /** RSS after loading the input, before the task: the part of the peak that is not the task's. */
  baselineRssMb: number;
  /** V8 heap committed right after the first run, garbage included: close to the heap's peak. */
  heapCommittedMb: number;
  /** V8 heap in use after a full GC with the task's result still alive. */
  heapRetainedMb: number;
  /** For the pipeline: where the cold run's time went, step by step. */
  stagesMs?: Record<string, number>;
}

const NO_POLICIES = "No repository policies apply to this pull request.";

/**
 * Steps 3, 4, 6 and 7 of the triage (parse, analyzers, filtering, packing, anchoring, scoring),
 * as run-triage-job.ts calls them, with no API key: everything but the network and the LLM.
 * Its modules are imported before the clock starts, and only for this task, so the parser-only
 * tasks do not pay for them.
 */
async function loadPipeline(): Promise<(text: string) => Promise<unknown>> {
  const [{ defaultConfig }, { diffTokenBudget }, { prepareTriage }, { concludeTriage }] = await Promise.all([
    import("../src/config/config-schema.ts"),
    import("../src/llm/diff-token-budget.ts"),
    import("../src/triage/prepare-triage.ts"),
    import("../src/triage/conclude-triage.ts"),
  ]);
  return async (text) => {
    let started = performance.now();
    const lap = (stage: string) => {
      lastStages[stage] = (lastStages[stage] ?? 0) + performance.now() - started;
      started = performance.now();
    };
    const files = parseUnifiedDiff(text);
    lap("parse");
    const config = defaultConfig();
    const pr = { author: "octocat", authorType: "User", headRef: "feature/bench", title: "Bench", body: "" };
    const input = { files, config, pr };
    const prepared = await prepareTriage(
      input,
      diffTokenBudget(config.llm.maxInputTokens, NO_POLICIES, pr.title, pr.body),
    );
    lap("prepareTriage (analyzers, filter, render, pack)");
    const result = concludeTriage({
      headSha: "0".repeat(40),
      files,
      config,
      prepared,
      llm: { mode: "no-key" },
      llmFindings: [],
      configProblems: [],
    });
    lap("concludeTriage (anchor, rank, score)");
    return result;
  };
}

/** Stage times of the pipeline runs so far; reset before the runs that are reported. */
let lastStages: Record<string, number> = {};

async function loadTask(name: string): Promise<(text: string) => unknown> {
  if (name === "ours") return (text): DiffFile[] => parseUnifiedDiff(text);
  if (name === "parse-diff") return (text) => parseDiff(text);
  if (name === "pipeline") return loadPipeline();
  throw new Error(`Unknown task "${name}". Expected one of: ours, parse-diff, pipeline.`);
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main(): Promise<void> {
  const [taskName = "", workloadName = ""] = process.argv.slice(2);
  const task = await loadTask(taskName);
  const { texts } = loadWorkload(workloadName);
  const runAll = async () => {
    const results: unknown[] = [];
    for (const text of texts) results.push(await task(text));
    return results;
  };
  gc();
  const baselineRssMb = process.memoryUsage().rss / MB;
  const heapBefore = process.memoryUsage().heapUsed;
  lastStages = {};
  let started = performance.now();
  let kept: unknown = await runAll();
  const coldMs = performance.now() - started;
  const stagesMs = lastStages;
  lastStages = {};
  // Read before the warm runs: their garbage would inflate the peak of a single run.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const heapCommittedMb = getHeapStatistics().total_heap_size / MB;
  gc();
  const heapRetainedMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  const warm: number[] = [];
  for (let run = 0; run < 5; run++) {
    kept = null;
    started = performance.now();
    kept = await runAll();
    warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  const result: Measurement = {
    coldMs,
    warmMs: warm[Math.floor(warm.length / 2)] ?? coldMs,
    peakRssMb,
    baselineRssMb,
    heapCommittedMb,
    heapRetainedMb: kept === null ? 0 : heapRetainedMb,
    ...(Object.keys(stagesMs).length > 0 ? { stagesMs } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
