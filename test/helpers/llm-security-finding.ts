import type { Finding } from "../../src/findings/finding.ts";

/** A high-severity LLM security finding on line 2 of `src/app.ts`; tests override what they vary. */
export function llmSecurityFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: "llm/security",
    source: "llm",
    severity: "high",
    category: "security",
    title: "SQL injection",
    message: "m",
    path: "src/app.ts",
    line: 2,
    startLine: null,
    side: "RIGHT",
    confidence: 1,
    riskFloor: 0,
    policy: null,
    ...overrides,
  };
}
