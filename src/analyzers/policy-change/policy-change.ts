import { detectPolicyChanges } from "../../policies/detect-policy-changes.ts";
import type { Analyzer } from "../analyzer.ts";

/** A PR that edits the config, policies or CODEOWNERS that steer its own review needs a maintainer. */
export const policyChange: Analyzer = {
  id: "policy-change",
  run: ({ files, config }) => detectPolicyChanges(files, config),
};
