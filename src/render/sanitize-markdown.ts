import { sanitizeMarkdownTree } from "./sanitize-markdown-tree.ts";

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
 * Makes untrusted text (model output, PR file names, policy titles) safe to post: it cannot
 * ping people, hide content, load images or link off the PR's host. The text is parsed as GitHub
 * parses it (CommonMark + GFM), and only allowed nodes are kept; patterns cannot see an image
 * whose alt text holds brackets, a reference definition, a `www.` autolink or `_@name_`.
 * Removing a node can make a new one appear (a link label that is itself a URL), so passes
 * repeat until nothing changes.
 */
export function sanitizeMarkdown(text: string, allowedHost = "github.com"): string {
  let out = redactSecretShapes(text);
  if (PLAIN.test(out)) return out;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = sanitizeMarkdownTree(out, allowedHost);
    if (next === out) return out;
    out = next;
  }
  // Still changing: give up on formatting rather than post something unchecked.
  return `\`\`\`text\n${out.replaceAll("```", "ʼʼʼ")}\n\`\`\``;
}

/** Text with no character Markdown, HTML, links or mentions need passes through as it is. */
const PLAIN = /^[^<>[\]()!@&\\`*_~:/#|=+\-.\n]*$/;
const MAX_PASSES = 4;

/** Cuts text to GitHub's limit and says so, instead of letting the API reject the whole post. */
export function capLength(text: string, max: number = MAX_COMMENT_CHARS): string {
  if (text.length <= max) return text;
  return text.slice(0, max - TRUNCATION_NOTE.length) + TRUNCATION_NOTE;
}

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
