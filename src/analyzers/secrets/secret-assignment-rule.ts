import type { SecretLintRuleCreator } from "@secretlint/types";
import { isPlaceholderValue } from "./is-placeholder-value.ts";
import { looksRandom } from "./looks-random.ts";
import { scannerRuleMeta } from "./scanner-rule-meta.ts";

export const SECRET_ASSIGNMENT_RULE_ID = "pr-triage/secret-assignment";

/**
 * `NAME = value` where NAME says "secret" (api key, token, password, client secret...). The
 * recommended preset only knows vendors' token formats; an unknown vendor's key in a `.env`
 * (`RIPPLE_API_KEY=rpl_live_…`) is caught by the name and the value's randomness instead.
 */
const ASSIGNMENT =
  /(?<![\w.-])([\w.-]*(?:api[_-]?key|apikey|secret|token|passw(?:or)?d|private[_-]?key|access[_-]?key|auth[_-]?key|credentials?)[\w.-]*)["']?\s*(?::=|=>|=|:)\s*(["'`]?)([\w+/=.~-]{16,200})\2/gi;

/** Names that contain a secret word but hold something public: ids, URLs, file paths, types. */
const NON_SECRET_NAME =
  /public|(^|[_.-])(id|ids|name|names|url|uri|path|file|type|types|length|size|ttl|expiry|expires|hash|header|field|env|var|prefix|suffix|count|max|min|regex|pattern)$|(Id|Name|Url|Uri|Path|File|Type|Length|Size|Header|Field|Prefix|Pattern)$|tokeniz|tokens?_?(type|usage|limit|count|budget)|secretlint/i;

/**
 * Names a vendor rule owns: it validates the exact format, so a value of another shape under
 * that name (an encrypted blob, a KMS reference) is not that credential.
 */
const VENDOR_OWNED_NAME = /aws_secret_access_key|aws_access_key_id|aws_session_token/i;

const messages = {
  SECRET_ASSIGNMENT: {
    en: (props?: { NAME: string }) =>
      `found a secret-looking value assigned to ${props?.NAME ?? "a secret name"}`,
  },
};

/** Languages where an unquoted right-hand side is a variable, not a literal value. */
const CODE_EXTENSIONS = new Set([
  ".js",
  ".jsx",
  ".mjs",
  ".cjs",
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".py",
  ".rb",
  ".go",
  ".java",
  ".kt",
  ".cs",
  ".php",
  ".rs",
  ".swift",
  ".scala",
  ".c",
  ".cc",
  ".cpp",
  ".h",
  ".hpp",
  ".vue",
  ".svelte",
  ".dart",
]);

/** Generated bundles and source maps repeat the source's names; the source itself is scanned. */
const GENERATED =
  /(^|\/)(dist|build|out|vendor|node_modules)\/|\.(map|min\.js|min\.css)$|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/;

export const secretAssignmentRule: SecretLintRuleCreator = {
  messages,
  meta: scannerRuleMeta(SECRET_ASSIGNMENT_RULE_ID),
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        const path = source.filePath ?? "";
        if (GENERATED.test(path)) return;
        const quotesRequired = CODE_EXTENSIONS.has(source.ext.toLowerCase());
        for (const match of source.content.matchAll(ASSIGNMENT)) {
          const [whole, name = "", quote = "", value = ""] = match;
          if (quotesRequired && quote === "") continue;
          if (
            NON_SECRET_NAME.test(name) ||
            VENDOR_OWNED_NAME.test(name) ||
            !looksRandom(value) ||
            isPlaceholderValue(value)
          )
            continue;
          const start = match.index + whole.lastIndexOf(value);
          context.report({
            message: t("SECRET_ASSIGNMENT", { NAME: name }),
            range: [start, start + value.length],
          });
        }
      },
    };
  },
};
