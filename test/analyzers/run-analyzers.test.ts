import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Analyzer } from "../../src/analyzers/analyzer.ts";
import { ANALYZERS, runAnalyzers } from "../../src/analyzers/run-analyzers.ts";
import { addedFile, analyzerInput, diffFiles } from "./diff-fixture.ts";

describe("runAnalyzers", () => {
  it("awaits async analyzers and turns a crash into a finding without losing the others", async () => {
    const ok: Analyzer = { id: "ok", run: async () => (await ANALYZERS[0]?.run(analyzerInput([]))) ?? [] };
    const broken: Analyzer = {
      id: "broken",
      run: () => {
        throw new Error("boom");
      },
    };
    const rejected: Analyzer = { id: "rejected", run: () => Promise.reject(new Error("nope")) };
    const findings = await runAnalyzers(analyzerInput([addedFile("a.ts", "x\n")]), [ok, broken, rejected]);
    expect(findings.map((f) => [f.ruleId, f.riskFloor])).toEqual([
      ["broken/crashed", 30],
      ["rejected/crashed", 30],
    ]);
  });

  it("registers every analyzer once", () => {
    const ids = ANALYZERS.map((analyzer) => analyzer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "secrets",
        "hidden-unicode",
        "agent-config",
        "mcp-config",
        "ci-workflows",
        "dependencies",
        "npmrc",
        "infra-changes",
        "sensitive-paths",
        "size-churn",
        "missing-tests",
        "agent-provenance",
      ]),
    );
  });
});

const EXPRESS_7335 = resolve(import.meta.dirname, "../../../shared/corpus/prs/express-7335.diff");
describe.skipIf(!existsSync(EXPRESS_7335))("express-7335 (skipped: ../shared/corpus absent)", () => {
  it("trips the agent-config, secret, workflow, npmrc and dependency analyzers with a critical floor", async () => {
    const findings = await runAnalyzers(analyzerInput(diffFiles(readFileSync(EXPRESS_7335, "utf8"))));
    const categories = new Set(findings.map((f) => f.ruleId.split("/")[0]));
    for (const id of ["agent-config", "secrets", "ci-workflows", "npmrc", "dependencies"])
      expect(categories).toContain(id);
    expect(Math.max(...findings.map((f) => f.riskFloor))).toBeGreaterThanOrEqual(85);
    expect(JSON.stringify(findings)).not.toContain(
      "rpl_live_b316c6aea56506cde0af531b5543f89f432f19b43e6d7845",
    );
  });
});
