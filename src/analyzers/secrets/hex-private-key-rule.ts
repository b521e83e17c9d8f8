import type { SecretLintRuleCreator } from "@secretlint/types";
import { scannerRuleMeta } from "./scanner-rule-meta.ts";

export const HEX_PRIVATE_KEY_RULE_ID = "pr-triage/hex-private-key";

/**
 * A bare `0x` + 64 hex digits is how secp256k1 (Ethereum, Bitcoin) private keys are pasted.
 * The same shape is also a 32-byte hash, so lines that talk about hashes are left alone.
 */
const HEX_KEY = /(?<![0-9a-zA-Z])0x([0-9a-fA-F]{64})(?![0-9a-zA-Z])/g;
const HASH_CONTEXT =
  /hash|tx|block|root|topic|slot|selector|digest|checksum|sha|commit|address|salt|nonce|signature|bytes32|keccak|merkle|storage|uint|event|\bid\b|_id\b|Id\b|pubkey|public/i;

const messages = {
  HEX_PRIVATE_KEY: { en: () => "found a hex value shaped like a secp256k1 private key" },
};

export const hexPrivateKeyRule: SecretLintRuleCreator = {
  messages,
  meta: scannerRuleMeta(HEX_PRIVATE_KEY_RULE_ID),
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(HEX_KEY)) {
          const lineStart = source.content.lastIndexOf("\n", match.index) + 1;
          const lineEnd = source.content.indexOf("\n", match.index);
          const line = source.content.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
          if (HASH_CONTEXT.test(line.replace(match[0], ""))) continue;
          const start = match.index + 2;
          context.report({ message: t("HEX_PRIVATE_KEY"), range: [start, start + 64] });
        }
      },
    };
  },
};
