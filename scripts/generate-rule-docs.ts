// Regenerates the rule table in docs/rules.md from the rule catalogue. A test fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { RULE_TABLE_END, RULE_TABLE_START, renderRuleTable } from "../src/analyzers/render-rule-table.ts";
import { RULE_CATALOGUE } from "../src/analyzers/rule-catalogue.ts";

const docsFile = new URL("../docs/rules.md", import.meta.url);
const docs = readFileSync(docsFile, "utf8");
const start = docs.indexOf(RULE_TABLE_START);
const end = docs.indexOf(RULE_TABLE_END);
if (start === -1 || end < start) {
  console.error(
    `docs/rules.md must contain the lines\n${RULE_TABLE_START}\n${RULE_TABLE_END}\nto mark where the table goes.`,
  );
  process.exit(1);
}
writeFileSync(
  docsFile,
  `${docs.slice(0, start + RULE_TABLE_START.length)}\n\n${renderRuleTable(RULE_CATALOGUE)}\n\n${docs.slice(end)}`,
);
console.log("Wrote the rule table in docs/rules.md.");
