import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { githubScriptInjection } from "./github-script-injection.ts";
import { newWorkflow } from "./new-workflow.ts";
import { privilegedCheckout } from "./privileged-checkout.ts";
import { privilegedPrFetch } from "./privileged-pr-fetch.ts";
import { privilegedTrigger } from "./privileged-trigger.ts";
import { remoteCode } from "./remote-code.ts";
import { scriptInjection } from "./script-injection.ts";
import { secretInRun } from "./secret-in-run.ts";
import { selfHostedRunner } from "./self-hosted-runner.ts";
import { unpinnedAction } from "./unpinned-action.ts";
import { unsecureCommand } from "./unsecure-command.ts";
import { unsecureCommandsEnabled } from "./unsecure-commands-enabled.ts";
import { type WorkflowContext, type WorkflowRule, workflowContext } from "./workflow-context.ts";
import { workflowRunInjection } from "./workflow-run-injection.ts";
import { writeAll } from "./write-all.ts";

/** GitHub runs workflows only from the root `.github/workflows/`; `action.yml` defines reusable actions. */
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)action\.ya?ml$/;

/**
 * The rules in the order their findings are listed. Within a group of line rules, findings
 * follow the file's lines (and the group's order on one line), as a reviewer reads the file.
 */
const RULE_GROUPS: readonly (readonly WorkflowRule[])[] = [
  [privilegedCheckout],
  [privilegedTrigger],
  [scriptInjection, secretInRun, writeAll, selfHostedRunner, remoteCode],
  [githubScriptInjection],
  [unsecureCommand, unsecureCommandsEnabled, workflowRunInjection, privilegedPrFetch],
  [unpinnedAction],
  [newWorkflow],
];

/**
 * GitHub Actions changes that hand attackers CI privileges: privileged triggers that check out
 * PR code ("pwn requests"), secrets and untrusted PR text interpolated into shell, mutable
 * third-party actions, `write-all` tokens, self-hosted runners, and remote code run in CI.
 * Only what the PR adds is reported.
 */
export const ciWorkflows: Analyzer = {
  id: "ci-workflows",
  run({ files }) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (!WORKFLOW.test(file.path) || file.status === "removed" || file.binary) continue;
      const workflow = workflowContext(file);
      if (workflow.added.length > 0) findings.push(...workflowFindings(workflow));
    }
    return findings;
  },
};

function workflowFindings(workflow: WorkflowContext): Finding[] {
  return RULE_GROUPS.flatMap((group) =>
    // A stable sort keeps each line's findings in the group's rule order.
    group.flatMap((rule) => rule(workflow)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  );
}
