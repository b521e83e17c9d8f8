import { VENDOR_TOKEN_FORMATS } from "../src/analyzers/secrets/vendor-token-formats.ts";

/**
 * Rules added for issue 12 (§3–§5): the corpus noise "before" counts only the other rules, so
 * before and after come from one run.
 */
export const NEW_RULES = new Set([
  ...VENDOR_TOKEN_FORMATS.map((format) => `secrets/${format.id}`),
  "ci-workflows/github-script-injection",
  "ci-workflows/unsecure-command",
  "ci-workflows/unsecure-commands-enabled",
  "ci-workflows/workflow-run-injection",
  "ci-workflows/privileged-pr-fetch",
  "prompt-injection/instruction",
  "prompt-injection/hidden-instruction",
]);
