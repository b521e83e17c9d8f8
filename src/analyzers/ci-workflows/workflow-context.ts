import type { DiffFile } from "../../diff/diff-model.ts";
import type { Finding } from "../../findings/finding.ts";
import { type WorkflowDocument, workflowDocument } from "./workflow-document.ts";
import { type WorkflowLine, workflowLines } from "./workflow-lines.ts";

const TRIGGER_LINE =
  /^\s*(?:-\s*)?(pull_request_target|workflow_run)\s*:?\s*(?:#.*)?$|^\s*on\s*:.*\b(pull_request_target|workflow_run)\b/;

/** What every `ci-workflows` rule reads about one changed workflow file. */
export interface WorkflowContext {
  file: DiffFile;
  /** The new side of the diff's hunks. */
  lines: readonly WorkflowLine[];
  added: readonly WorkflowLine[];
  /** The parsed file when the whole of it is in the diff (an added workflow), else `null`. */
  document: WorkflowDocument | null;
  /** The privileged triggers: from the parsed file, or from the lines the diff shows. */
  triggers: ReadonlySet<string>;
}

/** One `ci-workflows` rule: its findings in one workflow file. */
export type WorkflowRule = (workflow: WorkflowContext) => Finding[];

export function workflowContext(file: DiffFile): WorkflowContext {
  const lines = workflowLines(file);
  const document = workflowDocument(file);
  return {
    file,
    lines,
    added: lines.filter((line) => line.added),
    document,
    triggers: document?.triggers ?? visibleTriggers(lines),
  };
}

function visibleTriggers(lines: readonly WorkflowLine[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    const match = TRIGGER_LINE.exec(line.content);
    const name = match?.[1] ?? match?.[2];
    if (name) names.add(name);
  }
  return names;
}
