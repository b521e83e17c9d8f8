import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generatePrDiff } from "./generate-pr-diff.ts";

/** The shared real-data corpus, next to the repo (see ../shared/corpus/README.md). */
export const CORPUS_PRS = resolve(import.meta.dirname, "../../shared/corpus/prs");

/** One benchmark input: one or more whole diffs, parsed one after the other. */
export interface Workload {
  name: string;
  texts: string[];
  bytes: number;
  lines: number;
}

export const GENERATED = "generated 3,000 files / 100k changed lines";
const CORPUS_ALL = "corpus: all diffs";

/** Every workload name, in print order; corpus ones only when the corpus is present. */
export function workloadNames(): string[] {
  if (!existsSync(CORPUS_PRS)) return [GENERATED];
  const files = corpusFiles();
  const bySize = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const byLines = [...files].sort((a, b) => b.lines - a.lines).slice(0, 3);
  const largest = [...new Set([...bySize, ...byLines].map((f) => `corpus: ${f.name}`))];
  return [...largest, CORPUS_ALL, GENERATED];
}

/** Loads (or generates) one workload by the name `workloadNames` gave. */
export function loadWorkload(name: string): Workload {
  if (name === GENERATED) return workload(name, [generatedDiff()]);
  const texts =
    name === CORPUS_ALL
      ? corpusFiles().map((f) => f.text)
      : corpusFiles()
          .filter((f) => `corpus: ${f.name}` === name)
          .map((f) => f.text);
  if (texts.length === 0) {
    throw new Error(`Unknown workload "${name}". Expected one of: ${workloadNames().join(", ")}.`);
  }
  return workload(name, texts);
}

/**
 * The generated PR, cached in the temp folder: read from a file, it costs a measured child
 * process no more than a real diff would, instead of the garbage of generating it.
 */
function generatedDiff(): string {
  const seed = 20_240_601;
  const path = join(tmpdir(), `pr-triage-bench-${seed}-3000x100000.diff`);
  if (!existsSync(path)) writeFileSync(path, generatePrDiff({ files: 3_000, changedLines: 100_000, seed }));
  return readFileSync(path, "utf8");
}

function workload(name: string, texts: string[]): Workload {
  let bytes = 0;
  let lines = 0;
  for (const text of texts) {
    bytes += Buffer.byteLength(text);
    lines += countLines(text);
  }
  return { name, texts, bytes, lines };
}

function corpusFiles(): { name: string; text: string; bytes: number; lines: number }[] {
  return readdirSync(CORPUS_PRS)
    .filter((name) => name.endsWith(".diff"))
    .sort()
    .map((name) => {
      const text = readFileSync(join(CORPUS_PRS, name), "utf8");
      return { name, text, bytes: Buffer.byteLength(text), lines: countLines(text) };
    });
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}
