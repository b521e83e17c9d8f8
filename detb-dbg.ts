import { dependencies } from "./src/analyzers/dependencies.ts";
import { defaultConfig } from "./src/config/config-schema.ts";
import { corpusContents } from "./scripts/corpus-contents.ts";
import { loadCorpusPrs } from "./scripts/load-corpus-prs.ts";
const want = process.argv.slice(2);
for (const { pr, files } of loadCorpusPrs("/work/shared/corpus")) {
  if (!want.includes(pr.file.replace(/\.diff$/, ""))) continue;
  const { contents } = corpusContents(pr, files);
  const findings = await dependencies.run({ files, contents, config: defaultConfig(), pr: { author: "a", authorType: "User", headRef: "x", title: "", body: "" } });
  for (const f of findings) console.log(pr.file, f.ruleId, f.severity, f.riskFloor, f.path, f.line, "|", f.title, "|", f.message.slice(0, 300));
}
