/** GitHub's limits: comment and review bodies hold 65,536 characters, check summaries 65,535. */
export const MAX_COMMENT_CHARS = 65_536;
export const MAX_CHECK_SUMMARY_CHARS = 65_535;

const TRUNCATION_NOTE = "\n\n… (truncated to fit GitHub's size limit)";

/**
 * Shapes of credentials we never want to echo back, even when the model quotes them. The
 * analyzers mask the secrets they find; this catches ones the model saw another way.
 */
const SECRET_SHAPES: readonly RegExp[] = [
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/** Replaces anything shaped like a credential with a fixed mask. */
export function redactSecretShapes(text: string): string {
  let out = text;
  for (const shape of SECRET_SHAPES) out = out.replace(shape, "[REDACTED SECRET]");
  return out;
}

/**
 * Makes untrusted text (model output, PR file names) safe to post: it cannot ping people,
 * hide content, load images or link off the PR's host.
 */
export function sanitizeMarkdown(text: string, allowedHost = "github.com"): string {
  // Code spans and fences render literally: HTML, links and mentions there are inert, and
  // rewriting them would corrupt the code a reviewer may copy. Secrets are masked everywhere.
  return redactSecretShapes(text)
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : sanitizeProse(part, allowedHost)))
    .join("");
}

function sanitizeProse(text: string, allowedHost: string): string {
  return defuseMentions(
    text
      .replace(/<!--[\s\S]*?(-->|$)/g, "")
      // Images first, so their alt text does not survive as a link below.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/<\/?[a-zA-Z][^>]*>/g, "")
      .replace(/\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (whole, label: string, url: string) =>
        isAllowedUrl(url, allowedHost) ? whole : `${label} (link removed)`,
      )
      .replace(/\bhttps?:\/\/[^\s)>\]]+/g, (url) =>
        isAllowedUrl(url, allowedHost) ? url : "(link removed)",
      ),
  );
}

/** A zero-width joiner after `@` keeps the text readable but stops the mention. */
function defuseMentions(text: string): string {
  return text.replace(/(^|[^\w`])@([a-zA-Z0-9][\w-]*)/g, "$1@\u200d$2");
}

function isAllowedUrl(url: string, allowedHost: string): boolean {
  if (url.startsWith("#") || url.startsWith("/")) return !url.startsWith("//");
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "https:" && (hostname === allowedHost || hostname.endsWith(`.${allowedHost}`));
  } catch {
    return false;
  }
}

/** Cuts text to GitHub's limit and says so, instead of letting the API reject the whole post. */
export function capLength(text: string, max: number = MAX_COMMENT_CHARS): string {
  if (text.length <= max) return text;
  return text.slice(0, max - TRUNCATION_NOTE.length) + TRUNCATION_NOTE;
}

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
