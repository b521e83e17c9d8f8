import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { PR_SHAPE_RULES } from "./pr-shape-rules.ts";

/** Accounts that AI coding agents open PRs as (GitHub App bots and agent service users). */
const AGENT_LOGINS =
  /^(copilot|copilot-swe-agent|github-copilot|devin-ai-integration|codex|chatgpt-codex-connector|openai-codex|claude|claude-code|anthropic-claude|cursor|cursor-agent|google-labs-jules|jules|sweep-ai|openhands-agent|openhands|gemini-code-assist|amazon-q-developer|codegen-sh|tembo|factory-droid)(\[bot\])?$/i;
/** Bots that automate chores (dependency bumps, releases): automated, but not AI-written code. */
const AUTOMATION_LOGINS =
  /^(dependabot|renovate|greenkeeper|snyk-bot|github-actions|release-please|mergify|allcontributors|pre-commit-ci)(\[bot\])?$/i;
const AGENT_BRANCH =
  /^(copilot|codex|claude|cursor|devin|jules|sweep|openhands|aider|gemini|agent|ai|bot\/ai)[/-]/i;
const AGENT_TRAILER =
  /co-authored-by:[^\n]*\b(claude|copilot|cursor|devin|codex|chatgpt|openai|gemini|jules|aider|openhands|sweep|windsurf|cody|amazon q)\b|generated (with|by) \[?(claude code|copilot|cursor|codex|devin|aider|gemini)|🤖 generated with/i;

const AGENT_RULE = PR_SHAPE_RULES.agentAuthored;
/** A configured floor at or above this variant's makes the finding medium. */
const RAISED = AGENT_RULE.variants[0];

/**
 * Reports who (or what) wrote the PR: AI agents by login, co-author trailer or branch prefix,
 * and other bots. Provenance is context, not a defect, so the default floor is modest (20); a
 * repository can raise it with `risk.provenanceFloor`.
 */
export const agentProvenance: Analyzer = {
  id: "agent-provenance",
  run({ pr, config }) {
    const signals: string[] = [];
    if (AGENT_LOGINS.test(pr.author)) signals.push(`author \`${pr.author}\` is an AI coding agent`);
    if (AGENT_TRAILER.test(`${pr.title}\n${pr.body}`))
      signals.push("the description credits an AI agent (co-author trailer or generated-with note)");
    if (AGENT_BRANCH.test(pr.headRef)) signals.push(`branch \`${pr.headRef}\` uses an agent prefix`);
    const floor = config.risk.provenanceFloor;
    if (signals.length > 0) {
      return [
        ruleFinding(AGENT_RULE, {
          message: `This PR appears agent-authored: ${signals.join("; ")}. ${AGENT_RULE.why} ${AGENT_RULE.fix}`,
          configured: {
            severity: floor >= RAISED.riskFloor ? RAISED.severity : AGENT_RULE.severity,
            riskFloor: floor,
          },
        }),
      ];
    }
    if (pr.authorType === "Bot" || AUTOMATION_LOGINS.test(pr.author)) {
      return [
        ruleFinding(PR_SHAPE_RULES.botAuthored, {
          title: `${PR_SHAPE_RULES.botAuthored.title}: ${pr.author}`,
          message: `\`${pr.author}\` is an automation account. ${PR_SHAPE_RULES.botAuthored.fix}`,
        }),
      ];
    }
    return [];
  },
};
