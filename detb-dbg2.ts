import { ANALYZERS, runAnalyzers } from "./src/analyzers/registry.ts";
import { defaultConfig } from "./src/config/config-schema.ts";
import { scoreRisk } from "./src/risk/score-risk.ts";
import { corpusContents } from "./scripts/corpus-contents.ts";
import { loadCorpusPrs } from "./scripts/load-corpus-prs.ts";
const want = process.argv.slice(2);
const config = defaultConfig();
for (const { pr, files } of loadCorpusPrs("/work/shared/corpus")) {
  if (!want.includes(pr.file.replace(/\.diff$/, ""))) continue;
  const { contents } = corpusContents(pr, files);
  const findings = await runAnalyzers({ files, contents, config, pr: { author: "a", authorType: "User", headRef: "x", title: "", body: "" } }, ANALYZERS);
  const risk = scoreRisk({ findings, files, llmUnavailable: false, thresholds: config.risk.thresholds });
  console.log(pr.file, risk.score, risk.level, "floor", risk.floor, risk.floorReason, "combined", risk.combined);
  for (const f of findings) console.log("   ", f.ruleId, f.severity, f.riskFloor, f.path, "|", f.title.slice(0, 100));
}
