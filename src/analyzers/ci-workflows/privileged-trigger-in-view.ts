import type { WorkflowContext } from "./workflow-context.ts";
import type { WorkflowLine } from "./workflow-lines.ts";

const PRIVILEGED_TRIGGER =
  /^\s*(-\s*)?(pull_request_target|workflow_run)\s*:?\s*$|^\s*on\s*:.*\b(pull_request_target|workflow_run)\b/;
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs\/pull\/|github\.event\.workflow_run\.head_(sha|branch)/;

/** A privileged trigger the diff shows, and the checkout of the PR's head outside `run:`, if any. */
export interface PrivilegedTriggerInView {
  name: "pull_request_target" | "workflow_run";
  trigger: WorkflowLine;
  headCheckout: WorkflowLine | undefined;
}

/** The privileged trigger, when this PR adds it or adds a checkout of the PR's code under it. */
export function privilegedTriggerInView({ lines }: WorkflowContext): PrivilegedTriggerInView | null {
  const trigger = lines.find((line) => PRIVILEGED_TRIGGER.test(line.content));
  const headCheckout = lines.find((line) => PR_HEAD_REF.test(line.content) && !line.inRun);
  if (!trigger || !(trigger.added || headCheckout?.added)) return null;
  const name = /pull_request_target/.test(trigger.content) ? "pull_request_target" : "workflow_run";
  return { name, trigger, headCheckout };
}
