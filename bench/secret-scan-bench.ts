/**
 * What the vendor table costs: the app's secret scan (`scanSecrets`: secretlint's recommended
 * preset plus the rules of ours) against the same scan without the vendor table, and against
 * the preset alone, on the generated 3,000-file PR. All read the new-side text of every file.
 *
 *   npm run bench secrets
 */
import { lintSource } from "@secretlint/core";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { SecretLintCoreConfig } from "@secretlint/types";
import { HEX_PRIVATE_KEY_RULE_ID, hexPrivateKeyRule } from "../src/analyzers/secrets/hex-private-key-rule.ts";
import { scanSecrets } from "../src/analyzers/secrets/scan-secrets.ts";
import {
  SECRET_ASSIGNMENT_RULE_ID,
  secretAssignmentRule,
} from "../src/analyzers/secrets/secret-assignment-rule.ts";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import { GENERATED, loadWorkload } from "./diff-workloads.ts";

const PRESET_ONLY: SecretLintCoreConfig = {
  rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommendedPreset }],
};
/** The scan before the vendor table: the preset and the two rules of ours it had then. */
const WITHOUT_VENDOR_TABLE: SecretLintCoreConfig = {
  rules: [
    ...PRESET_ONLY.rules,
    { id: SECRET_ASSIGNMENT_RULE_ID, rule: secretAssignmentRule },
    { id: HEX_PRIVATE_KEY_RULE_ID, rule: hexPrivateKeyRule },
  ],
};
const WARM_RUNS = 3;

export async function runSecretScanBench(): Promise<void> {
  const [text = ""] = loadWorkload(GENERATED).texts;
  const files = parseUnifiedDiff(text);
  const app = await timings(() => scanSecrets([...files]));
  const before = await timings(() => lintEach(files, WITHOUT_VENDOR_TABLE));
  const preset = await timings(() => lintEach(files, PRESET_ONLY));
  console.log(`\n${GENERATED}: secret scan, first run and median of ${WARM_RUNS} more\n`);
  console.log("| scan | first ms | warm ms |\n| --- | --- | --- |");
  console.log(`| app (preset + rules of ours) | ${app.first} | ${app.warm} |`);
  console.log(`| without the vendor table (preset + 2 rules) | ${before.first} | ${before.warm} |`);
  console.log(`| secretlint preset alone | ${preset.first} | ${preset.warm} |`);
  console.log(`\nApp / without the vendor table: ${(app.warm / before.warm).toFixed(2)}× the time (warm).`);
  console.log(`App / preset alone: ${(app.warm / preset.warm).toFixed(2)}× the time (warm).`);
}

async function lintEach(files: readonly DiffFile[], config: SecretLintCoreConfig): Promise<void> {
  for (const file of files) {
    const content = file.hunks
      .flatMap((hunk) => hunk.lines.filter((line) => line.kind !== "del").map((line) => line.content))
      .join("\n");
    await lintSource({
      source: { content, filePath: file.path, ext: "", contentType: "text" },
      options: { config },
    });
  }
}

async function timings(task: () => Promise<unknown>): Promise<{ first: number; warm: number }> {
  const runs: number[] = [];
  for (let run = 0; run <= WARM_RUNS; run++) {
    const started = performance.now();
    await task();
    runs.push(Math.round(performance.now() - started));
  }
  const [first = 0, ...warm] = runs;
  warm.sort((a, b) => a - b);
  return { first, warm: warm[Math.floor(warm.length / 2)] ?? first };
}
