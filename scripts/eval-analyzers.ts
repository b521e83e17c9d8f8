/**
 * Measures the deterministic analyzers against the real-world corpus in `../shared/corpus`:
 * hidden-Unicode recall and false positives, secretlint's ng/ok fixtures, noise on real PR
 * diffs, and the express-7335 end-to-end case. Fixture files go through the same diff model
 * the app uses (each one becomes an added file). Exits 1 when a target is missed.
 *
 *   npm run eval:analyzers
 *   EVAL_GIT_MIRRORS=/path/to/mirrors npm run eval:analyzers   # also rebuilds modified manifests
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { agentConfig } from "../src/analyzers/agent-config/agent-config.ts";
import type { Analyzer, AnalyzerInput } from "../src/analyzers/analyzer.ts";
import { hiddenUnicode } from "../src/analyzers/hidden-unicode/hidden-unicode.ts";
import { promptInjection } from "../src/analyzers/prompt-injection/prompt-injection.ts";
import { ANALYZERS } from "../src/analyzers/run-analyzers.ts";
import { secrets } from "../src/analyzers/secrets/secrets.ts";
import { defaultConfig } from "../src/config/config-schema.ts";
import { addedFile } from "../src/diff/added-file.ts";
import type { DiffFile } from "../src/diff/diff-model.ts";
import { parseUnifiedDiff } from "../src/diff/parse-unified-diff.ts";
import type { Finding } from "../src/findings/finding.ts";
import { evalGitleaksFormats } from "./eval-gitleaks-formats.ts";
import { evalNewDependencies } from "./eval-new-dependencies.ts";
import type { EvalReport } from "./eval-report.ts";
import { evalRiskMix } from "./eval-risk-mix.ts";
import { loadCorpusPrs } from "./load-corpus-prs.ts";
import { NEW_RULES } from "./new-rules.ts";

const CORPUS = resolve(import.meta.dirname, "../../shared/corpus");
/** Rules secretlint's own tests use to exercise comment filters; they are not in any preset. */
const TEST_ONLY_SECRET_RULES = new Set([
  "@secretlint/secretlint-rule-example",
  "@secretlint/secretlint-rule-secret-alphabet",
]);
const EXPRESS_7335_MUST_TRIP = ["agent-config", "secrets", "ci-workflows", "npmrc", "dependencies"];

const failures: string[] = [];

if (!existsSync(CORPUS)) {
  console.log(
    `Corpus not found at ${CORPUS}: nothing to evaluate. Place shared/corpus beside the repository.`,
  );
  process.exit(0);
}

await evalUnicode();
await evalSecrets();
heading("Secret formats of gitleaks' rule set (one generated sample per rule, as an added file)");
failures.push(...(await evalGitleaksFormats(CORPUS, row)));
await evalRealPrs();
await evalExpress7335();
const report: EvalReport = { heading, row, fail: (message) => failures.push(message) };
const corpusPrs = loadCorpusPrs(CORPUS);
await evalNewDependencies(corpusPrs, report);
await evalRiskMix(corpusPrs, report);

console.log(failures.length === 0 ? "\nAll targets met." : `\nTargets missed:\n- ${failures.join("\n- ")}`);
process.exit(failures.length === 0 ? 0 : 1);

async function evalUnicode(): Promise<void> {
  heading("Hidden Unicode (hidden-unicode)");
  const trojan = walk(join(CORPUS, "unicode/trojan-source")).filter((path) => !path.endsWith("LICENSE"));
  const anti = walk(join(CORPUS, "unicode/anti-trojan-source")).filter((path) => !path.endsWith("LICENSE"));
  const positives = [...trojan, ...anti.filter((path) => /\/(true-[^/]+|SKILL\.md)$/.test(path))];
  const labeledNegatives = anti.filter((path) => /\/false-[^/]+$/.test(path));
  const benign = walk(join(CORPUS, "agent-config/benign-cursor-rules")).filter((path) =>
    path.endsWith(".mdc"),
  );

  const fired = async (path: string, repoPath: string) =>
    (await run(hiddenUnicode, [fixtureFile(path, repoPath)])).length > 0;
  const missed: string[] = [];
  for (const path of positives) {
    if (!(await fired(path, relative(CORPUS, path)))) missed.push(relative(CORPUS, path));
  }
  const falseHits: string[] = [];
  for (const path of labeledNegatives) {
    if (await fired(path, relative(CORPUS, path))) falseHits.push(relative(CORPUS, path));
  }
  let benignHits = 0;
  let escalations = 0;
  let injectionHits = 0;
  for (const path of benign) {
    // Placed where Cursor reads rules, so the agent-config analyzer sees them as agent rules too.
    const repoPath = `.cursor/rules/${path.slice(path.lastIndexOf("/") + 1)}`;
    if (await fired(path, repoPath)) {
      benignHits++;
      falseHits.push(relative(CORPUS, path));
    }
    if ((await run(promptInjection, [fixtureFile(path, repoPath)])).length > 0) injectionHits++;
    const agent = await run(agentConfig, [fixtureFile(path, repoPath)]);
    if (agent.some((finding) => finding.ruleId !== "agent-config/instructions-changed")) escalations++;
  }
  const recall = (positives.length - missed.length) / positives.length;
  row(
    "true samples fired (recall)",
    `${positives.length - missed.length}/${positives.length} = ${pct(recall)}`,
  );
  row(
    "  trojan-source",
    `${trojan.length - missed.filter((p) => p.includes("trojan-source/") && !p.includes("anti-")).length}/${trojan.length}`,
  );
  row(
    "  anti-trojan-source true-* + SKILL.md",
    `${positives.length - trojan.length - missed.filter((p) => p.includes("anti-")).length}/${positives.length - trojan.length}`,
  );
  row(
    "false-* samples fired (FP)",
    `${labeledNegatives.filter((p) => falseHits.includes(relative(CORPUS, p))).length}/${labeledNegatives.length}`,
  );
  row("benign cursor rules fired (FP)", `${benignHits}/${benign.length}`);
  row("prompt-injection on benign cursor rules (FP)", `${injectionHits}/${benign.length}`);
  row(
    "agent-config content rules on benign rules",
    `${escalations}/${benign.length} escalated beyond "instructions changed"`,
  );
  for (const path of missed) row("  missed", path);
  for (const path of falseHits) row("  false positive", path);
  if (recall < 1) failures.push(`hidden-unicode recall ${pct(recall)} < 100%`);
  if (falseHits.length > 0) failures.push(`hidden-unicode fired on ${falseHits.length} benign files`);
  if (injectionHits > 0) failures.push(`prompt-injection fired on ${injectionHits} benign cursor rules`);
}

async function evalSecrets(): Promise<void> {
  heading("Secrets (secretlint ng/ok fixtures, each as an added file)");
  const root = join(CORPUS, "secrets/secretlint");
  let positives = 0;
  let found = 0;
  let expectedMessages = 0;
  let exactLines = 0;
  let negatives = 0;
  let falsePositives = 0;
  const missed: string[] = [];
  const fp: string[] = [];
  const skipped: string[] = [];
  const emptyNg: string[] = [];
  for (const rule of readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory())) {
    for (const caseName of readdirSync(join(root, rule))) {
      const dir = join(root, rule, caseName);
      const input = readdirSync(dir).find((name) => name.startsWith("input"));
      const expected = JSON.parse(readFileSync(join(dir, "output.json"), "utf8")) as {
        messages: { ruleId: string; loc: { start: { line: number } } }[];
      };
      const label = `${rule}/${caseName}`;
      if (input === undefined) {
        skipped.push(`${label} (binary input not shipped)`);
        continue;
      }
      if (expected.messages.some((message) => TEST_ONLY_SECRET_RULES.has(message.ruleId))) {
        skipped.push(`${label} (expects secretlint's test-only rule)`);
        continue;
      }
      const findings = await run(secrets, [fixtureFile(join(dir, input), `${rule}/${caseName}/${input}`)]);
      if (caseName.startsWith("ok.")) {
        negatives++;
        if (findings.length > 0) {
          falsePositives++;
          fp.push(label);
        }
        continue;
      }
      if (expected.messages.length === 0) {
        emptyNg.push(`${label}: expected none under default options, we report ${findings.length}`);
        continue;
      }
      positives++;
      if (findings.length > 0) found++;
      else missed.push(label);
      const lines = new Set(findings.map((finding) => finding.line));
      for (const message of expected.messages) {
        expectedMessages++;
        if (lines.has(message.loc.start.line)) exactLines++;
      }
    }
  }
  const recall = found / positives;
  const fpRate = falsePositives / negatives;
  row("ng cases found (recall)", `${found}/${positives} = ${pct(recall)}`);
  row(
    "expected findings at the exact line",
    `${exactLines}/${expectedMessages} = ${pct(exactLines / expectedMessages)}`,
  );
  row("ok cases fired (FP)", `${falsePositives}/${negatives} = ${pct(fpRate)}`);
  for (const label of missed) row("  missed", label);
  for (const label of fp) row("  false positive", label);
  for (const label of emptyNg) row("  ng with no expected finding", label);
  row("skipped", `${skipped.length}: ${skipped.join("; ")}`);
  if (recall < 0.95) failures.push(`secrets recall ${pct(recall)} < 95%`);
  if (fpRate > 0.02) failures.push(`secrets false-positive rate ${pct(fpRate)} > 2%`);
}

async function evalRealPrs(): Promise<void> {
  const dir = join(CORPUS, "prs");
  const diffs = readdirSync(dir).filter((name) => name.endsWith(".diff") && name !== "express-7335.diff");
  heading(
    `Real PR diffs: PRs each analyzer fires on (noise check, ${diffs.length} PRs, express-7335 excluded)`,
  );
  const fired = new Map<string, { any: number; medium: number; before: number }>(
    ANALYZERS.map((a) => [a.id, { any: 0, medium: 0, before: 0 }]),
  );
  const floors = { low: 0, medium: 0, high: 0, critical: 0 };
  const newRuleHits: string[] = [];
  const started = performance.now();
  for (const name of diffs) {
    const files = parseUnifiedDiff(readFileSync(join(dir, name), "utf8"));
    let floor = 0;
    for (const analyzer of ANALYZERS) {
      const findings = await run(analyzer, files);
      const count = fired.get(analyzer.id);
      if (!count || findings.length === 0) continue;
      count.any++;
      if (findings.some((finding) => !NEW_RULES.has(finding.ruleId))) count.before++;
      for (const finding of findings)
        if (NEW_RULES.has(finding.ruleId))
          newRuleHits.push(`${name} ${finding.ruleId} ${finding.path}:${finding.line}`);
      if (
        findings.some(
          (finding) =>
            finding.severity === "medium" || finding.severity === "high" || finding.severity === "critical",
        )
      )
        count.medium++;
      floor = Math.max(floor, ...findings.map((finding) => finding.riskFloor));
    }
    floors[floor >= 85 ? "critical" : floor >= 60 ? "high" : floor >= 30 ? "medium" : "low"]++;
  }
  for (const [id, count] of fired)
    row(
      id,
      `${count.any} PRs (${count.medium} with medium or worse); ${count.before} without issue 12's rules`,
    );
  row(
    "findings of issue 12's rules",
    `${newRuleHits.length}${newRuleHits.length ? `: ${newRuleHits.join("; ")}` : ""}`,
  );
  row(
    "analyzer floor per PR",
    `low ${floors.low}, medium ${floors.medium}, high ${floors.high}, critical ${floors.critical}`,
  );
  row("time", `${Math.round(performance.now() - started)} ms for ${diffs.length} PRs`);
}

async function evalExpress7335(): Promise<void> {
  heading("express-7335 (must come out critical)");
  const files = parseUnifiedDiff(readFileSync(join(CORPUS, "prs/express-7335.diff"), "utf8"));
  let floor = 0;
  for (const analyzer of ANALYZERS) {
    const findings = await run(analyzer, files);
    floor = Math.max(floor, ...findings.map((finding) => finding.riskFloor));
    const required = EXPRESS_7335_MUST_TRIP.includes(analyzer.id);
    if (findings.length === 0 && !required) continue;
    const rules = [
      ...new Set(
        findings.map((finding) => `${finding.ruleId} (${finding.severity}, floor ${finding.riskFloor})`),
      ),
    ];
    row(
      `${analyzer.id}${required ? " [required]" : ""}`,
      findings.length > 0 ? rules.join(", ") : "NOT TRIPPED",
    );
    if (required && findings.length === 0) failures.push(`express-7335 did not trip ${analyzer.id}`);
  }
  row("risk floor", `${floor}${floor >= 85 ? " (critical)" : ""}`);
  if (floor < 85) failures.push(`express-7335 floor ${floor} < 85`);
}

function fixtureFile(path: string, repoPath: string): DiffFile {
  return addedFile(repoPath, readFileSync(path, "utf8"));
}

async function run(analyzer: Analyzer, files: DiffFile[]): Promise<Finding[]> {
  const input: AnalyzerInput = {
    files,
    config: defaultConfig(),
    pr: { author: "contributor", authorType: "User", headRef: "patch-1", title: "", body: "" },
  };
  return await analyzer.run(input);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function heading(text: string): void {
  console.log(`\n== ${text}`);
}

function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(44)} ${value}`);
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
