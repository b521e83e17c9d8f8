import { HEX_PRIVATE_KEY_RULE_ID } from "./hex-private-key-rule.ts";
import type { SecretHit } from "./scan-secrets.ts";
import { SECRET_ASSIGNMENT_RULE_ID } from "./secret-assignment-rule.ts";
import { SECRET_RULES, type SecretRule } from "./secret-rules.ts";
import { VENDOR_TOKEN_RULE_ID, vendorTokenFormat } from "./vendor-token-rule.ts";

/**
 * The rule kind of a hit, with the finding's own id in place of the kind's `<…>` one: the
 * preset's rule (`secrets/github`) or the vendor format (`secrets/pem-private-key`).
 */
export function secretRule(hit: SecretHit): SecretRule {
  if (hit.ruleId === SECRET_ASSIGNMENT_RULE_ID) return SECRET_RULES.secretAssignment;
  if (hit.ruleId === HEX_PRIVATE_KEY_RULE_ID) return SECRET_RULES.hexPrivateKey;
  if (hit.ruleId === VENDOR_TOKEN_RULE_ID) {
    const format = vendorTokenFormat(hit.messageId);
    const kind = format?.byName === true ? SECRET_RULES.vendorNamed : SECRET_RULES.vendorFormat;
    return { ...kind, id: `secrets/${format?.id ?? "vendor-token"}` };
  }
  return { ...SECRET_RULES.presetCredential, id: `secrets/${ruleSlug(hit.ruleId)}` };
}

/** `@secretlint/secretlint-rule-github` → `github`; `pr-triage/secret-assignment` → `secret-assignment`. */
export function ruleSlug(ruleId: string): string {
  return ruleId.replace(/^@secretlint\/secretlint-rule-/, "").replace(/^pr-triage\//, "");
}
