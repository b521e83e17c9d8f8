import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULE_TABLE_END, RULE_TABLE_START, renderRuleTable } from "../../src/analyzers/render-rule-table.ts";
import { RULE_CATALOGUE } from "../../src/analyzers/rule-catalogue.ts";

describe("RULE_CATALOGUE", () => {
  it("names every rule once", () => {
    const ids = RULE_CATALOGUE.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the table docs/rules.md shows (run `npm run docs:rules` after changing a rule)", () => {
    const docs = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
    const start = docs.indexOf(RULE_TABLE_START);
    const end = docs.indexOf(RULE_TABLE_END);
    expect(start).toBeGreaterThan(-1);
    expect(docs.slice(start + RULE_TABLE_START.length, end).trim()).toBe(renderRuleTable(RULE_CATALOGUE));
  });
});
