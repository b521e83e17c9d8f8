import type { Finding } from "../../findings/finding.ts";
import type { AnalyzerRule } from "../analyzer-rule.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import type { WorkflowContext } from "./workflow-context.ts";

/**
 * One finding of `rule` per added `run:` line matching `pattern`; `explain` gets the line's code
 * snippet and says what the line does wrong (the rule's fix is appended).
 */
export function runLineFindings(
  workflow: WorkflowContext,
  rule: AnalyzerRule,
  pattern: RegExp,
  explain: (snippet: string) => string,
): Finding[] {
  return workflow.added
    .filter((line) => line.inRun && pattern.test(line.content))
    .map((line) =>
      ruleFinding(rule, {
        path: workflow.file.path,
        line: line.line,
        message: `${explain(`\`${codeSnippet(line.content)}\``)} ${rule.fix}`,
      }),
    );
}
