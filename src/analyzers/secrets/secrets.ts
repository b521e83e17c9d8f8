import { baseName, isTestFile } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { HEX_PRIVATE_KEY_RULE_ID } from "./hex-private-key-rule.ts";
import { maskSecret } from "./mask-secret.ts";
import { type SecretHit, scanSecrets } from "./scan-secrets.ts";
import { SECRET_ASSIGNMENT_RULE_ID } from "./secret-assignment-rule.ts";
import { ruleSlug, secretRule } from "./secret-rule.ts";
import { SECRET_TIERS, type SecretRule } from "./secret-rules.ts";
import { VENDOR_TOKEN_RULE_ID, vendorTokenFormat } from "./vendor-token-rule.ts";

/** dotenv files hold real values by convention; their templates hold placeholders. */
const DOTENV = /^\.env(\..+)?$/;
const DOTENV_TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;

/**
 * Secrets on added lines, found by secretlint's recommended preset plus three rules of ours (a
 * secret-named assignment with a random-looking value, a bare secp256k1 private key, and the
 * vendor formats the preset lacks, `vendor-token-formats.ts`).
 * Messages show a masked preview only; the same scan's ranges drive redaction.
 */
export const secrets: Analyzer = {
  id: "secrets",
  async run({ files, secretHits }) {
    const findings: Finding[] = [];
    for (const hit of secretHits ?? (await scanSecrets(files))) {
      const rule = secretRule(hit);
      // A name-based guess in test code is usually a fixture; a vendor-format token is not.
      if (rule.heuristic && isTestFile(hit.path)) continue;
      findings.push(toFinding(hit, rule));
    }
    return findings;
  },
};

/** Keys shipped for tests and examples (`examples/keys/test_key.pem`, `config.example`) are usually throwaway. */
const SAMPLE_PATH =
  /(^|\/)(examples?|samples?|demos?|fixtures?|testdata|__tests__)\/|(^|[/_.-])(test|example|sample|dummy|fake)[_.-]|\.(example|sample|template)$/i;

const SAMPLE_ACTION =
  "If it ever granted access to anything real, revoke it; otherwise make it obviously fake, or generate it when the test runs instead of committing it.";

function toFinding(hit: SecretHit, rule: SecretRule): Finding {
  const { heuristic } = rule;
  const name = baseName(hit.path);
  const dotenv = DOTENV.test(name) && !DOTENV_TEMPLATE.test(name);
  const sample = !dotenv && (isTestFile(hit.path) || SAMPLE_PATH.test(hit.path));
  const kind = describeKind(hit);
  const where = `Line ${hit.line}${hit.column ? `, column ${hit.column}` : ""}`;
  // Where it was committed moves it off its kind's tier: a fixture down, a dotenv guess up.
  const tier = sample ? SECRET_TIERS.sample : heuristic && dotenv ? SECRET_TIERS.dotenv : undefined;
  // A fixture key is reported as a fixture: one consistent text, not "may be a throwaway" plus "rotate now".
  const message = [
    `${where}: ${kind} \`${maskSecret(hit.value)}\`${dotenv ? ` in the committed environment file \`${name}\`` : ""}.`,
    sample
      ? "It sits in a test, fixture or example path, so it is most likely a test key."
      : heuristic && !dotenv
        ? "It was matched by its name and randomness, not by a vendor's format: if it is a real credential, anyone who can read the repository can use it."
        : "Anyone who can read the repository (and every fork and clone) can use it.",
    sample ? SAMPLE_ACTION : rule.fix,
  ].join(" ");
  return ruleFinding(rule, {
    title: sample ? `Test or example key added: ${kind}` : `Secret added: ${kind}`,
    message,
    path: hit.path,
    line: hit.line,
    ...(tier && { variant: tier }),
  });
}

const VENDOR_NAMES: Record<string, string> = {
  "1password": "1Password",
  aws: "AWS",
  basicauth: "basic-auth",
  "database-connection-string": "database connection string",
  gcp: "GCP",
  github: "GitHub",
  gitlab: "GitLab",
  npm: "npm",
  openai: "OpenAI",
  privatekey: "private key",
  "hashicorp-vault": "HashiCorp Vault",
};

function describeKind(hit: SecretHit): string {
  if (hit.ruleId === SECRET_ASSIGNMENT_RULE_ID) return "a secret-named value (API key, token or password)";
  if (hit.ruleId === HEX_PRIVATE_KEY_RULE_ID) return "a hex string shaped like a secp256k1 private key";
  const format = hit.ruleId === VENDOR_TOKEN_RULE_ID ? vendorTokenFormat(hit.messageId) : undefined;
  if (format) return format.name;
  const slug = ruleSlug(hit.ruleId);
  const vendor = VENDOR_NAMES[slug] ?? slug.charAt(0).toUpperCase() + slug.slice(1);
  return `a ${vendor} credential (${hit.messageId})`;
}
