/**
 * Formats found of gitleaks' rule set: one generated sample per gitleaks rule, each as an added
 * file, scanned three ways: secretlint's recommended preset alone, the preset with the two rules
 * this app had before the vendor table, and the app's full secret scan.
 */
import { join } from "node:path";
import { lintSource } from "@secretlint/core";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { SecretLintCoreConfig } from "@secretlint/types";
import { HEX_PRIVATE_KEY_RULE_ID, hexPrivateKeyRule } from "../src/analyzers/secrets/hex-private-key-rule.ts";
import { scanSecrets } from "../src/analyzers/secrets/scan-secrets.ts";
import {
  SECRET_ASSIGNMENT_RULE_ID,
  secretAssignmentRule,
} from "../src/analyzers/secrets/secret-assignment-rule.ts";
import { addedFile } from "../src/diff/added-file.ts";
import { gitleaksSamples } from "./gitleaks-samples.ts";

const PRESET_ONLY: SecretLintCoreConfig = {
  rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommendedPreset }],
};
const PRESET_AND_EARLIER_RULES: SecretLintCoreConfig = {
  rules: [
    ...PRESET_ONLY.rules,
    { id: SECRET_ASSIGNMENT_RULE_ID, rule: secretAssignmentRule },
    { id: HEX_PRIVATE_KEY_RULE_ID, rule: hexPrivateKeyRule },
  ],
};

/** Returns the failures (targets missed); prints one row per measure. */
export async function evalGitleaksFormats(
  corpus: string,
  row: (label: string, value: string) => void,
): Promise<string[]> {
  const samples = gitleaksSamples(join(corpus, "secrets/gitleaks/gitleaks.toml"));
  let presetOnly = 0;
  let earlier = 0;
  let now = 0;
  const missed: string[] = [];
  for (const sample of samples) {
    const content = `${sample.content}\n`;
    if (await firesWith(PRESET_ONLY, sample.path, content)) presetOnly++;
    if (await firesWith(PRESET_AND_EARLIER_RULES, sample.path, content)) earlier++;
    if ((await scanSecrets([addedFile(sample.path, content)])).length > 0) now++;
    else missed.push(sample.ruleId);
  }
  const total = samples.length;
  row("gitleaks rules, one sample each", `${total}`);
  row("  found by secretlint's preset alone", `${presetOnly}/${total} = ${pct(presetOnly / total)}`);
  row("  found before (preset + 2 rules of ours)", `${earlier}/${total} = ${pct(earlier / total)}`);
  row("  found now (the app's secret scan)", `${now}/${total} = ${pct(now / total)}`);
  row("  missed", missed.join(", "));
  return now / total < 0.6 ? [`gitleaks formats found ${pct(now / total)} < 60%`] : [];
}

async function firesWith(config: SecretLintCoreConfig, path: string, content: string): Promise<boolean> {
  const result = await lintSource({
    source: { content, filePath: path, ext: path.slice(path.lastIndexOf(".")), contentType: "text" },
    options: { config },
  });
  return result.messages.some((message) => message.type === "message");
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
