/**
 * The scoring rule in words, shown under the summary's score table so a reviewer can check the
 * arithmetic. Keep it in step with `scoreRisk`.
 */
export const RISK_RULE =
  "Rule: score = max(floor, signals). The floor is the strongest single deterministic finding (high or critical severity reaches the high level), or a configured floor. Signals: each finding adds severity points × confidence; within one kind, each further finding counts half the one before, and together they stay below the next level up from the worst severity found, so weak signals alone never make a PR high. A high or critical AI finding with confidence ≥ 0.7 reaches high. Size is counted once, by the large-PR finding, without lockfiles or generated files.";
