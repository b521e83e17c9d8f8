import { AGENT_CONFIG_RULES } from "./agent-config/agent-config-rules.ts";
import { ANALYZER_CRASHED_RULE } from "./analyzer-crashed-rule.ts";
import type { AnalyzerRule } from "./analyzer-rule.ts";
import { CI_WORKFLOW_RULES } from "./ci-workflows/ci-workflow-rules.ts";
import { DEPENDENCY_RULES } from "./dependencies/dependency-rules.ts";
import { HIDDEN_UNICODE_RULES, MORE_HIDDEN_UNICODE } from "./hidden-unicode/hidden-unicode-rules.ts";
import { INFRA_RULES } from "./infra/infra-rules.ts";
import { MCP_CONFIG_RULES } from "./mcp-config/mcp-config-rules.ts";
import { NPMRC_RULES } from "./npmrc/npmrc-rules.ts";
import { POLICY_CHANGE_RULES } from "./policy-change/policy-change-rules.ts";
import { PR_SHAPE_RULES } from "./pr-shape/pr-shape-rules.ts";
import { PROMPT_INJECTION_RULES } from "./prompt-injection/prompt-injection-rules.ts";
import { SECRET_RULES } from "./secrets/secret-rules.ts";

/**
 * Every catalogued rule, in the order the analyzers run. The docs' rule table
 * (`docs/rules.md`, written by `npm run docs:rules`) is generated from it, and a test fails
 * when the two disagree.
 */
export const RULE_CATALOGUE: readonly AnalyzerRule[] = [
  ...Object.values(HIDDEN_UNICODE_RULES),
  MORE_HIDDEN_UNICODE,
  ...Object.values(PROMPT_INJECTION_RULES),
  ...Object.values(AGENT_CONFIG_RULES),
  ...Object.values(MCP_CONFIG_RULES),
  ...Object.values(CI_WORKFLOW_RULES),
  ...Object.values(DEPENDENCY_RULES),
  ...Object.values(NPMRC_RULES),
  ...Object.values(INFRA_RULES),
  // Secrets, policy changes, the PR's shape, and what an analyzer that threw reports.
  ...Object.values(SECRET_RULES),
  ...Object.values(POLICY_CHANGE_RULES),
  ...Object.values(PR_SHAPE_RULES),
  ANALYZER_CRASHED_RULE,
];
