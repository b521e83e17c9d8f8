import type { Finding } from "../../src/findings/finding.ts";

/** A plain low analyzer finding on line 1 of `a.ts`; each test overrides what it is about. */
export function testFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: "test/rule",
    source: "analyzer",
    severity: "low",
    category: "test",
    title: "t",
    message: "m",
    path: "a.ts",
    line: 1,
    startLine: null,
    side: "RIGHT",
    confidence: 1,
    riskFloor: 0,
    policy: null,
    ...overrides,
  };
}

/** The LLM's high security finding the review tests use, on line 2 of `src/app.ts`. */
export const llmSecurity: Partial<Finding> = {
  ruleId: "llm/security",
  source: "llm",
  severity: "high",
  category: "security",
  title: "SQL injection",
  path: "src/app.ts",
  line: 2,
};
