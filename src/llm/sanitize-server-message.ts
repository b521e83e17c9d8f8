/** Server messages are shown in a PR; long ones (stack traces, HTML error pages) say nothing more. */
const MAX_CHARS = 300;

/**
 * Makes an endpoint's own error text safe and short enough for a summary line: no markup, no
 * backticks (it is shown in a code span), no control characters, no key-shaped strings.
 */
export function sanitizeServerMessage(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/[`\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\b(sk|key|Bearer)[-_ ][A-Za-z0-9_-]{12,}/g, "$1-[redacted]")
    .replace(/\s+/g, " ")
    .trim();
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out.length <= MAX_CHARS ? out : `${out.slice(0, MAX_CHARS - 1)}…`;
}
