import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import type { CorpusPr } from "./corpus-contents.ts";

/** Every PR of the corpus manifest with its parsed diff. */
export function loadCorpusPrs(corpus: string): { pr: CorpusPr; files: DiffFile[] }[] {
  const dir = join(corpus, "prs");
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { prs: CorpusPr[] };
  return manifest.prs.map((pr) => ({
    pr,
    files: parseUnifiedDiff(readFileSync(join(dir, pr.file), "utf8")),
  }));
}
