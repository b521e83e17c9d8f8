/** A `/triage` command, as written on its own line of a comment. */
export type TriageCommand =
  | { kind: "rerun" }
  | { kind: "help" }
  /** As a reply to one of our inline comments: that finding, on this PR. */
  | { kind: "ignore" }
  /** Every finding of one rule, on this PR. */
  | { kind: "ignore-rule"; ruleId: string };

/** Rule ids are ours (`secrets/aws-access-key`, `llm/security`): nothing else is accepted. */
const COMMAND = /^\/triage(?:[ \t]+(help|ignore)(?:[ \t]+rule[ \t]+([\w./*-]+))?)?[ \t]*$/m;

/** The command on a line of its own, or null: `please /triage this` is a sentence, not a command. */
export function parseTriageCommand(body: string): TriageCommand | null {
  const match = COMMAND.exec(body);
  if (!match) return null;
  const [, verb, ruleId] = match;
  if (verb === "help") return ruleId === undefined ? { kind: "help" } : null;
  if (verb === "ignore") return ruleId === undefined ? { kind: "ignore" } : { kind: "ignore-rule", ruleId };
  return { kind: "rerun" };
}
