import type { SecretLintRuleCreator } from "@secretlint/types";

/** The meta every pr-triage secretlint rule shares: a text scanner, off in secretlint's own presets. */
export function scannerRuleMeta(id: string): SecretLintRuleCreator["meta"] {
  return { id, recommended: false, type: "scanner", supportedContentTypes: ["text"] };
}
