// Regenerates the rule table in docs/rules.md from the rule catalogue. A test fails when it is stale.
import { RULE_TABLE_END, RULE_TABLE_START, renderRuleTable } from "../src/analyzers/render-rule-table.ts";
import { RULE_CATALOGUE } from "../src/analyzers/rule-catalogue.ts";
import { writeBetweenMarkers } from "./write-between-markers.ts";

const docsFile = new URL("../docs/rules.md", import.meta.url);
writeBetweenMarkers(docsFile, RULE_TABLE_START, RULE_TABLE_END, renderRuleTable(RULE_CATALOGUE));
console.log("Wrote the rule table in docs/rules.md.");
