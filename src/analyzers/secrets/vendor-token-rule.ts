import type { SecretLintRuleCreator } from "@secretlint/types";
import { isPlaceholderValue } from "./is-placeholder-value.ts";
import { looksRandom } from "./looks-random.ts";
import { scannerRuleMeta } from "./scanner-rule-meta.ts";
import { shannonEntropy } from "./shannon-entropy.ts";
import { tokenRuns } from "./token-runs.ts";
import { VENDOR_TOKEN_FORMATS, type VendorTokenFormat } from "./vendor-token-formats.ts";

export const VENDOR_TOKEN_RULE_ID = "pr-triage/vendor-token";

interface CompiledFormat {
  format: VendorTokenFormat;
  /** The format's pattern with `g` (every match) and `d` (group ranges, for `secret`). */
  pattern: RegExp;
}

const COMPILED: readonly CompiledFormat[] = VENDOR_TOKEN_FORMATS.map((format) => ({
  format,
  pattern: new RegExp(format.pattern.source, `${format.pattern.flags.replace(/[gd]/g, "")}gd`),
}));

/** Shorter than the shortest token in the table (an Alibaba key id): no format fits. */
const MIN_TOKEN_LENGTH = 16;

const TOKEN_KEYWORDS = keywordPattern(VENDOR_TOKEN_FORMATS.filter((format) => !format.keywordsAnywhere));
const FILE_KEYWORDS = keywordPattern(VENDOR_TOKEN_FORMATS.filter((format) => format.keywordsAnywhere));

interface KeywordPattern {
  pattern: RegExp;
  /** A match consumes its text, so each keyword also marks the keywords inside it (`api-` in `bedrock-api-key-`). */
  contained: Map<string, string[]>;
}

/** The formats' keywords as one alternation, longest first: one pass instead of one per keyword. */
function keywordPattern(formats: readonly VendorTokenFormat[]): KeywordPattern {
  const keywords = [...new Set(formats.flatMap((format) => format.keywords))].sort(
    (a, b) => b.length - a.length,
  );
  const escaped = keywords.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return {
    pattern: new RegExp(escaped.join("|") || "(?!)", "gi"),
    contained: new Map(
      keywords.map((keyword) => [keyword, keywords.filter((other) => keyword.includes(other))]),
    ),
  };
}

function keywordsIn(content: string): Set<string> {
  const found = new Set<string>();
  // Keywords that are part of a token can only sit in a long run of token characters: nearly
  // all code is short words, so this reads a small part of a large diff.
  const runs = tokenRuns(content, MIN_TOKEN_LENGTH);
  for (const { pattern, contained } of [TOKEN_KEYWORDS, FILE_KEYWORDS]) {
    for (const match of (pattern === TOKEN_KEYWORDS.pattern ? runs : content).matchAll(pattern)) {
      const keyword = match[0].toLowerCase();
      if (found.has(keyword)) continue;
      for (const inner of contained.get(keyword) ?? [keyword]) found.add(inner);
    }
  }
  return found;
}

const BY_MESSAGE_ID = new Map(VENDOR_TOKEN_FORMATS.map((format) => [messageIdOf(format), format]));

/** The secretlint message id of a format: its id in upper snake case, `TELEGRAM_BOT_TOKEN`. */
function messageIdOf(format: VendorTokenFormat): string {
  return format.id.toUpperCase().replace(/-/g, "_");
}

/** The format a hit of this rule came from, by its message id; undefined for another rule's. */
export function vendorTokenFormat(messageId: string): VendorTokenFormat | undefined {
  return BY_MESSAGE_ID.get(messageId);
}

const messages = Object.fromEntries(
  VENDOR_TOKEN_FORMATS.map((format) => [messageIdOf(format), { en: () => `found ${format.name}` }]),
);

/**
 * Vendor credential formats from `vendor-token-formats.ts`. Each report's range is the secret
 * itself (the `secret` group when the pattern needs surrounding text), so redaction by range
 * removes the credential and nothing else.
 */
export const vendorTokenRule: SecretLintRuleCreator = {
  messages,
  meta: scannerRuleMeta(VENDOR_TOKEN_RULE_ID),
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        const present = keywordsIn(source.content);
        for (const { format, pattern } of COMPILED) {
          if (format.keywords.length > 0 && !format.keywords.some((keyword) => present.has(keyword)))
            continue;
          for (const match of source.content.matchAll(pattern)) {
            const range = secretRange(match);
            const value = source.content.slice(range[0], range[1]);
            if (format.minEntropy !== undefined && shannonEntropy(value) < format.minEntropy) continue;
            if (format.byName && !plausibleNamedSecret(value)) continue;
            if (format.context && !format.context.test(lineBefore(source.content, range[0]))) continue;
            context.report({ message: t(messageIdOf(format)), range });
          }
        }
      },
    };
  },
};

/** The named groups that hold the secret (the first one that took part), else the whole match. */
function secretRange(match: RegExpExecArray | RegExpMatchArray): [number, number] {
  const groups = match.indices?.groups ?? {};
  for (const range of Object.values(groups)) if (range) return [range[0], range[1]];
  const whole = match.indices?.[0];
  const start = match.index ?? 0;
  return whole ? [whole[0], whole[1]] : [start, start + match[0].length];
}

/** Git object ids and content hashes are assigned to vendor-named keys too (`sentry_release`). */
const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

function plausibleNamedSecret(value: string): boolean {
  return looksRandom(value) && !isPlaceholderValue(value) && !HASH.test(value) && !value.includes("/");
}

function lineBefore(content: string, offset: number): string {
  return content.slice(content.lastIndexOf("\n", offset - 1) + 1, offset);
}
