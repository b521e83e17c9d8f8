import type { AnalyzerRule, RuleVariant } from "../analyzer-rule.ts";

/** A secrets rule kind, and whether it guesses by a name and randomness instead of a vendor's format. */
export interface SecretRule extends AnalyzerRule {
  /** Guessed, not recognized: reported less certainly, and not in test files (usually fixtures). */
  readonly heuristic: boolean;
}

/** The tiers a secret's finding may move to, by where it was committed. */
export const SECRET_TIERS = {
  /** A test, fixture or example path: most likely a throwaway test key. */
  sample: { when: "in a test, fixture or example path", severity: "medium", riskFloor: 40 },
  /** A committed dotenv file holds real values by convention, so even a guess is certain. */
  dotenv: { when: "in a committed dotenv file (`.env`, `.env.local`)", severity: "critical", riskFloor: 90 },
} as const satisfies Record<string, RuleVariant>;

const LEAKED =
  "Treat it as leaked: revoke and rotate it now (removing the line does not remove it from git history), then load it from the CI or deployment secret store instead of the repository.";

/**
 * The secrets rule kinds. A finding's id names the exact rule or format (`secrets/github`,
 * `secrets/pem-private-key`): secretlint's preset has about thirty rules and
 * `vendor-token-formats.ts` seventy formats, each of which is one of these kinds (its `byName`
 * flag picks the guessed one), so the table lists the kinds with `<…>` for the name.
 */
export const SECRET_RULES = {
  presetCredential: {
    id: "secrets/<secretlint rule>",
    category: "secret",
    severity: "critical",
    riskFloor: 90,
    title: "Secret added: a vendor credential secretlint recognizes",
    why: "A credential in its vendor's documented format (secretlint's recommended preset): anyone who can read the repository (and every fork and clone) can use it.",
    fix: LEAKED,
    variants: [SECRET_TIERS.sample],
    heuristic: false,
  },
  vendorFormat: {
    id: "secrets/<vendor format>",
    category: "secret",
    severity: "critical",
    riskFloor: 90,
    title: "Secret added: a vendor credential in a documented format",
    why: "A credential in a vendor's documented format that the preset lacks (`vendor-token-formats.ts`): anyone who can read the repository (and every fork and clone) can use it.",
    fix: LEAKED,
    variants: [SECRET_TIERS.sample],
    heuristic: false,
  },
  vendorNamed: {
    id: "secrets/<by-name vendor format>",
    category: "secret",
    severity: "high",
    riskFloor: 70,
    title: "Secret added: a random value under a vendor's name",
    why: "A vendor whose keys carry no prefix is named next to a random-looking value: if it is a real credential, anyone who can read the repository can use it.",
    fix: LEAKED,
    variants: [SECRET_TIERS.dotenv, SECRET_TIERS.sample],
    heuristic: true,
  },
  secretAssignment: {
    id: "secrets/secret-assignment",
    category: "secret",
    severity: "high",
    riskFloor: 70,
    title: "Secret added: a secret-named value",
    why: "A random-looking value is assigned to a name that says API key, token or password; it was matched by its name and randomness, not by a vendor's format.",
    fix: LEAKED,
    variants: [SECRET_TIERS.dotenv, SECRET_TIERS.sample],
    heuristic: true,
  },
  hexPrivateKey: {
    id: "secrets/hex-private-key",
    category: "secret",
    severity: "high",
    riskFloor: 70,
    title: "Secret added: a hex string shaped like a secp256k1 private key",
    why: "`0x` and 64 hex digits, away from words about hashes, is how Ethereum and Bitcoin private keys are pasted.",
    fix: LEAKED,
    variants: [SECRET_TIERS.dotenv, SECRET_TIERS.sample],
    heuristic: true,
  },
} as const satisfies Record<string, SecretRule>;
