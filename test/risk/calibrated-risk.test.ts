import { describe, expect, it } from "vitest";
import { runAnalyzers } from "../../src/analyzers/run-analyzers.ts";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { scoreRisk } from "../../src/risk/score-risk.ts";
import { addedFile, analyzerInput } from "../analyzers/diff-fixture.ts";
import { seededRandom } from "../helpers/seeded-random.ts";
import { testFinding } from "../helpers/test-finding.ts";

const thresholds = defaultConfig().risk.thresholds;

const finding = (overrides: Partial<Finding>): Finding => testFinding(overrides);

const score = (findings: Finding[]) => scoreRisk({ findings, files: [], llmUnavailable: false, thresholds });
const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => `export const v${i} = ${i};`).join("\n");

describe("calibrated risk", () => {
  it("weak signals do not add up to high, however many there are", () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      finding({
        severity: "medium",
        category: ["ci", "supply-chain", "size", "testing"][i % 4] ?? "ci",
        riskFloor: 35,
      }),
    );
    const risk = score(many);
    expect(risk.level).toBe("medium");
    expect(risk.combined).toBe(thresholds.high - 1);
    const lows = score(Array.from({ length: 20 }, (_, i) => finding({ category: `kind-${i}` })));
    expect(lows.level).toBe("low");
  });

  it("no mix of low and medium findings with floors under `high` reaches high (property, 2,000 cases)", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2_000; i++) {
      const findings = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        finding({
          source: random() < 0.5 ? "llm" : "analyzer",
          severity: random() < 0.5 ? "low" : "medium",
          category: `kind-${Math.floor(random() * 8)}`,
          confidence: random(),
          riskFloor: Math.floor(random() * thresholds.high),
        }),
      );
      expect(["low", "medium"]).toContain(score(findings).level);
    }
  });

  it("within one kind, each further finding counts half the one before", () => {
    const risk = score([1, 2, 3].map((i) => finding({ severity: "medium", category: "ci", title: `w${i}` })));
    expect(risk.contributions.map((c) => c.points)).toEqual([15, 8, 4]);
  });

  it("one high or critical deterministic finding reaches high, even with raised thresholds", () => {
    const custom = { medium: 30, high: 70, critical: 90 };
    const risk = scoreRisk({
      findings: [finding({ severity: "high", riskFloor: 60, title: "Unpinned action" })],
      files: [],
      llmUnavailable: false,
      thresholds: custom,
    });
    expect(risk).toMatchObject({ level: "high", floor: 70, floorReason: "Unpinned action" });
  });

  it("a single critical AI finding at confidence ≥ 0.7 reaches high; a less confident one does not", () => {
    const refund = (confidence: number) =>
      finding({
        source: "llm",
        severity: "critical",
        category: "security",
        title: "refund webhook accepts unsigned requests",
        confidence,
      });
    expect(score([refund(0.8)])).toMatchObject({ level: "high", score: thresholds.high, floor: 0 });
    expect(score([refund(0.5)]).level).toBe("low");
  });

  it("a configured floor applies whatever the severity", () => {
    expect(score([finding({ severity: "low", riskFloor: 75, category: "sensitive-path" })]).level).toBe(
      "high",
    );
  });

  it("a test fixture key, two new workflows, an unpinned action and a large diff stay below critical", async () => {
    const pem = [
      "-----BEGIN RSA PRIVATE KEY-----",
      ...Array.from(
        { length: 12 },
        (_, i) => `MIIEowIBAAKCAQEAx4UbaDzY6xgtCLRW1MWMsj4vV7ed8XrWyZbHQJnbO0YJnJe${i % 10}`,
      ),
      "-----END RSA PRIVATE KEY-----",
    ].join("\n");
    const workflow = (name: string, uses: string) =>
      addedFile(
        `.github/workflows/${name}.yml`,
        `name: ${name}\non:\n  schedule:\n    - cron: "0 0 * * *"\njobs:\n  stale:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`,
      );
    const files = [
      addedFile("test/fixtures/key.pem", pem),
      workflow("stale-issues", "actions/stale@v9"),
      workflow("stale-prs", "some-org/stale-action@v1"),
      addedFile("src/big.ts", lines(1500)),
      addedFile("test/big.test.ts", "it('works', () => {});"),
    ];
    const findings = await runAnalyzers(analyzerInput(files));
    const risk = scoreRisk({ findings, files, llmUnavailable: false, thresholds });
    expect(findings.find((f) => f.path === "test/fixtures/key.pem")).toMatchObject({ severity: "medium" });
    expect(risk.level).not.toBe("critical");
    expect(risk.score).toBeLessThan(thresholds.critical);
  });

  it("a regenerated 20,000-line file under `ignore:` is not scored as hand-written size or untested code", async () => {
    const input = analyzerInput([addedFile("src/generated/api.ts", lines(20_000))]);
    input.config.ignore.paths = ["src/generated/**"];
    const findings = await runAnalyzers(input);
    expect(findings.filter((f) => f.category === "size" || f.category === "testing")).toEqual([]);
    expect(scoreRisk({ findings, files: input.files, llmUnavailable: false, thresholds }).level).toBe("low");
    // The same file written by hand is large and untested.
    const handWritten = await runAnalyzers(analyzerInput([addedFile("src/api.ts", lines(20_000))]));
    expect(handWritten.map((f) => f.ruleId).sort()).toEqual([
      "missing-tests/source-without-tests",
      "size-churn/large",
    ]);
  });

  it("counts size once: no separate size points next to the large-PR finding", async () => {
    const files = [addedFile("src/big.ts", lines(1500)), addedFile("dist/bundle.js", lines(40_000))];
    const findings = await runAnalyzers(analyzerInput([...files, addedFile("test/a.test.ts", "it('x')")]));
    const risk = scoreRisk({ findings, files, llmUnavailable: false, thresholds });
    const size = risk.contributions.filter((c) => c.signal === "size");
    expect(size).toEqual([
      { signal: "size", points: 5, reason: "low: Large pull request: 1501 lines in 2 files" },
    ]);
    expect(risk.score).toBe(30);
  });
});
