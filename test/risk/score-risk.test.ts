import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { Finding, Severity } from "../../src/findings/finding.ts";
import { levelFor, scoreRisk } from "../../src/risk/score-risk.ts";
import { seededRandom } from "../helpers/seeded-random.ts";
import { testFinding } from "../helpers/test-finding.ts";

const thresholds = defaultConfig().risk.thresholds;
const SEVERITIES: Severity[] = ["info", "low", "medium", "high", "critical"];

const finding = (overrides: Partial<Finding>): Finding => testFinding({ severity: "medium", ...overrides });

describe("scoreRisk", () => {
  it("never scores below the deterministic floor, whatever the LLM says (property, 2,000 cases)", () => {
    const random = seededRandom(42);
    for (let i = 0; i < 2_000; i++) {
      const analyzer = Array.from({ length: Math.floor(random() * 4) }, () =>
        finding({
          riskFloor: Math.floor(random() * 101),
          severity: SEVERITIES[Math.floor(random() * 5)] as Severity,
        }),
      );
      const llm = Array.from({ length: Math.floor(random() * 6) }, () =>
        finding({
          source: "llm",
          severity: SEVERITIES[Math.floor(random() * 5)] as Severity,
          // Includes nonsense the model might send: negative, >1 and NaN confidence.
          confidence: [random(), -1, 2, Number.NaN][Math.floor(random() * 4)] as number,
        }),
      );
      const floor = Math.max(0, ...analyzer.map((f) => f.riskFloor));
      const llmUnavailable = random() < 0.2;
      const risk = scoreRisk({ findings: [...analyzer, ...llm], files: [], llmUnavailable, thresholds });
      expect(risk.score).toBeGreaterThanOrEqual(floor);
      expect(risk.score).toBeLessThanOrEqual(100);
      expect(risk.level).toBe(levelFor(risk.score, thresholds));
      if (llmUnavailable) {
        expect(risk.needsHuman).toBe(true);
        expect(risk.level).not.toBe("low");
      }
    }
  });

  it("explains the score: the floor's reason and each contribution", () => {
    const risk = scoreRisk({
      findings: [
        finding({ title: "Live AWS key", severity: "critical", riskFloor: 90 }),
        finding({ source: "llm", title: "SQL injection", severity: "high", confidence: 0.5 }),
      ],
      files: [],
      llmUnavailable: false,
      thresholds,
    });
    expect(risk).toMatchObject({ score: 90, level: "critical", floor: 90, floorReason: "Live AWS key" });
    expect(risk.contributions).toEqual([
      { signal: "test", points: 50, reason: "critical: Live AWS key (a.ts:1)" },
      { signal: "AI review", points: 15, reason: "high: SQL injection (a.ts:1)" },
    ]);
  });

  it("an unavailable LLM is 'needs human' at medium at least, never low", () => {
    const risk = scoreRisk({ findings: [], files: [], llmUnavailable: true, thresholds });
    expect(risk).toMatchObject({ level: "medium", score: thresholds.medium, needsHuman: true });
    expect(risk.floorReason).toMatch(/needs human review/);
  });

  it("maps scores to levels with the configured thresholds", () => {
    const custom = { medium: 10, high: 20, critical: 30 };
    expect([0, 9, 10, 19, 20, 29, 30, 100].map((s) => levelFor(s, custom))).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });
});
