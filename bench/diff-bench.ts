import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parsePatch } from "diff";
import parseDiff from "parse-diff";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import type { Measurement } from "./diff-measure.ts";
import { CORPUS_PRS, GENERATED, loadWorkload, type Workload, workloadNames } from "./diff-workloads.ts";

/** The aims for the 3,000-file PR, without the LLM. */
const AIM_PIPELINE_MS = 2_000;
const AIM_PEAK_RSS_MB = 300;

/**
 * Diff parsing throughput against `parse-diff` on the same inputs in the same process, then
 * peak memory and the whole pipeline (no LLM) in fresh processes, one per task.
 */
export function runDiffBench(): void {
  if (!existsSync(CORPUS_PRS)) {
    console.log(`Corpus not found at ${CORPUS_PRS}: only the generated PR is measured.`);
  }
  const names = workloadNames();

  console.log("\nParse throughput (median of interleaved runs; MB = 10^6 bytes)\n");
  console.log(
    row([
      "workload",
      "size",
      "lines",
      "ours ms",
      "ours MB/s",
      "parse-diff ms",
      "parse-diff MB/s",
      "ratio",
      "jsdiff alone ms",
    ]),
  );
  console.log(row(Array.from({ length: 9 }, () => "---")));
  for (const name of names) {
    const workload = loadWorkload(name);
    const { ours, theirs, jsdiffAlone } = timeInterleaved(workload, {
      ours: (text) => parseUnifiedDiff(text),
      theirs: (text) => parseDiff(text),
      jsdiffAlone: (text) => parsePatch(text),
    });
    console.log(
      row([
        name,
        `${(workload.bytes / 1e6).toFixed(2)} MB`,
        String(workload.lines),
        ms(ours),
        mbPerS(workload.bytes, ours),
        ms(theirs),
        mbPerS(workload.bytes, theirs),
        `${(theirs / ours).toFixed(2)}× ${theirs >= ours ? "faster" : "SLOWER"}`,
        ms(jsdiffAlone),
      ]),
    );
  }

  const measured = [
    GENERATED,
    ...names.filter((n) => n !== GENERATED && !n.includes("all diffs")).slice(0, 1),
  ];
  console.log("\nPeak memory and cold time, one fresh process per task (RSS includes Node and the input)\n");
  const columns = [
    "workload",
    "task",
    "cold ms",
    "warm ms",
    "peak RSS MB",
    "RSS before MB",
    "heap committed MB",
  ];
  console.log(row([...columns, "heap retained MB"]));
  console.log(row(Array.from({ length: columns.length + 1 }, () => "---")));
  let pipeline: Measurement | null = null;
  for (const name of measured) {
    for (const task of ["ours", "parse-diff", "pipeline"] as const) {
      const label = task === "pipeline" ? "pipeline, no LLM" : `parse (${task})`;
      const m = measureInChild(task, name);
      if (typeof m === "string") {
        // One broken task must not hide the other figures; the run still ends in failure.
        console.log(row([name, label, `FAILED: ${m}`]));
        process.exitCode = 1;
        continue;
      }
      if (name === GENERATED && task === "pipeline") pipeline = m;
      console.log(
        row([
          name,
          label,
          ms(m.coldMs),
          ms(m.warmMs),
          m.peakRssMb.toFixed(0),
          m.baselineRssMb.toFixed(0),
          m.heapCommittedMb.toFixed(0),
          m.heapRetainedMb.toFixed(1),
        ]),
      );
    }
  }
  if (pipeline) {
    const timeOk = pipeline.coldMs < AIM_PIPELINE_MS;
    const memoryOk = pipeline.peakRssMb < AIM_PEAK_RSS_MB;
    console.log(
      `\n3,000-file PR, pipeline without the LLM: ${ms(pipeline.coldMs)} ms cold, ${ms(pipeline.warmMs)} ms warm ` +
        `(aim < ${AIM_PIPELINE_MS}: ${timeOk ? "met" : "MISSED"}), peak RSS ${pipeline.peakRssMb.toFixed(0)} MB ` +
        `(aim < ${AIM_PEAK_RSS_MB}: ${memoryOk ? "met" : "MISSED"}).`,
    );
    const stages = Object.entries(pipeline.stagesMs ?? {}).map(([stage, time]) => `${stage} ${ms(time)} ms`);
    console.log(`Cold run by step: ${stages.join("; ")}.`);
  }
}

type Parse = (text: string) => unknown;

/**
 * Runs each parser on the whole workload in turn, round after round, so they share the same
 * machine state (JIT, GC, caches); returns each one's median round time in ms.
 */
function timeInterleaved<Name extends string>(
  workload: Workload,
  parsers: Record<Name, Parse>,
): Record<Name, number> {
  const entries = Object.entries(parsers) as [Name, Parse][];
  const once = (parse: Parse) => {
    const started = performance.now();
    for (const text of workload.texts) parse(text);
    return performance.now() - started;
  };
  for (const [, parse] of entries) once(parse); // warm-up: JIT, and the lazy parts of the inputs
  const estimate = Math.max(1, ...entries.map(([, parse]) => once(parse)));
  const rounds = Math.min(61, Math.max(9, Math.ceil(3_000 / (estimate * entries.length))));
  const times = new Map<Name, number[]>(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, parse] of entries) times.get(name)?.push(once(parse));
  }
  const medians = {} as Record<Name, number>;
  for (const [name, list] of times) {
    list.sort((a, b) => a - b);
    medians[name] = list[Math.floor(list.length / 2)] ?? Number.NaN;
  }
  return medians;
}

/** Runs one task in a fresh process; returns its figures, or what went wrong. */
function measureInChild(task: string, workload: string): Measurement | string {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", new URL("./diff-measure.ts", import.meta.url).pathname, task, workload],
    { encoding: "utf8", maxBuffer: 1024 * 1024 },
  );
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status === 0 && line.startsWith("{")) return JSON.parse(line) as Measurement;
  const error = child.stderr.split("\n").find((l) => /Error/.test(l)) ?? child.stderr.trim();
  return `exit ${child.status}, ${error.trim()}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}

function mbPerS(bytes: number, milliseconds: number): string {
  return (bytes / 1e6 / (milliseconds / 1_000)).toFixed(0);
}
