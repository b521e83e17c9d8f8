/** What people did with one of the app's inline comments, joined to the rule that posted it. */
export interface RuleFeedback {
  ruleId: string;
  repo: string;
  commentId: number;
  thumbsUp: number;
  thumbsDown: number;
  addressed: boolean;
  resolved: boolean;
  /** A maintainer's `/triage ignore` of the finding: a false positive, whatever else happened. */
  ignored?: boolean;
  /** When this feedback was last seen. */
  at: number;
}

export interface RulePrecision {
  ruleId: string;
  comments: number;
  thumbsUp: number;
  thumbsDown: number;
  addressed: number;
  resolved: number;
  /** Findings of the rule a maintainer ignored as "not a problem". */
  ignored: number;
  /** Comments judged useful / comments judged at all; null while nobody has reacted. */
  precision: number | null;
}

/**
 * A comment is useful when it was addressed, resolved, or got more 👍 than 👎; noise when it got
 * more 👎 and was neither addressed nor resolved, or when a maintainer ignored the finding.
 * Comments without a signal are not judged.
 */
export function rulePrecision(feedback: readonly RuleFeedback[]): RulePrecision[] {
  const byRule = new Map<string, RulePrecision & { useful: number; judged: number }>();
  for (const f of feedback) {
    const rule = byRule.get(f.ruleId) ?? {
      ruleId: f.ruleId,
      comments: 0,
      thumbsUp: 0,
      thumbsDown: 0,
      addressed: 0,
      resolved: 0,
      ignored: 0,
      precision: null,
      useful: 0,
      judged: 0,
    };
    if (f.ignored) {
      rule.ignored += 1;
      rule.judged += 1;
      byRule.set(f.ruleId, rule);
      continue;
    }
    rule.comments += 1;
    rule.thumbsUp += f.thumbsUp;
    rule.thumbsDown += f.thumbsDown;
    rule.addressed += f.addressed ? 1 : 0;
    rule.resolved += f.resolved ? 1 : 0;
    const useful = f.addressed || f.resolved || f.thumbsUp > f.thumbsDown;
    if (useful) rule.useful += 1;
    if (useful || f.thumbsDown > f.thumbsUp) rule.judged += 1;
    byRule.set(f.ruleId, rule);
  }
  return [...byRule.values()]
    .map(({ useful, judged, ...rule }) => ({ ...rule, precision: judged === 0 ? null : useful / judged }))
    .sort((a, b) => b.comments - a.comments || a.ruleId.localeCompare(b.ruleId));
}
