import type { Nodes, Parent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * One pass of the parse-based sanitizer. The text is parsed as GitHub parses it (CommonMark +
 * GFM), then rewritten in place: images, raw HTML (comments included), link and footnote
 * definitions, and links to other hosts (inline, reference, autolink, `www.`, protocol-relative)
 * are cut out by their source positions, and every `@` in text is defused. Everything else keeps
 * its original characters, so what was already safe reads exactly as it was written.
 */
export function sanitizeMarkdownTree(markdown: string, allowedHost: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return emitRange(markdown, 0, markdown.length, tree.children, allowedHost);
}

function emitRange(
  source: string,
  start: number,
  end: number,
  children: readonly RootContent[],
  host: string,
): string {
  let out = "";
  let cursor = start;
  for (const child of children) {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (from === undefined || to === undefined) continue;
    out += source.slice(cursor, from) + emitNode(source, child, from, to, host);
    cursor = to;
  }
  return out + source.slice(cursor, end);
}

function emitNode(source: string, node: RootContent, from: number, to: number, host: string): string {
  switch (node.type) {
    case "html":
    case "definition":
    case "footnoteDefinition":
    case "footnoteReference":
    case "imageReference":
      return "";
    case "image":
      // The alt text is kept as words; the URL, which GitHub would fetch, is not.
      return escapeText(node.alt ?? "");
    case "code":
    case "inlineCode":
      return source.slice(from, to);
    case "text":
      return defuseText(source.slice(from, to), node.value);
    case "link":
      return emitLink(source, node, from, to, host);
    default:
      return "children" in node
        ? emitRange(source, from, to, (node as Parent).children as RootContent[], host)
        : source.slice(from, to);
  }
}

function emitLink(
  source: string,
  node: Extract<Nodes, { type: "link" }>,
  from: number,
  to: number,
  host: string,
): string {
  if (isAllowedUrl(node.url, host)) return emitRange(source, from, to, node.children, host);
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  const label =
    first !== undefined && last !== undefined ? emitRange(source, first, last, node.children, host) : "";
  if (node.url.startsWith("mailto:")) return label;
  // An autolink's text is its address: kept as text, GitHub would link it again.
  const shown = plainText(node.children);
  const autolink = shown === "" || node.url.endsWith(shown) || /^(www\.|[a-z][\w+.-]*:|\/\/)/i.test(shown);
  return autolink ? "(link removed)" : `${label} (link removed)`;
}

function plainText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => ("value" in node ? node.value : "children" in node ? plainText(node.children) : ""))
    .join("");
}

const MENTION = /(^|[^\w])@(?!\u200d)/g;

/** A zero-width joiner after every `@` not inside a word keeps the text readable but stops the mention. */
function defuseText(raw: string, value: string): string {
  if (!MENTION.test(value)) return raw;
  MENTION.lastIndex = 0;
  // Written as `&#64;` the `@` is only in the parsed value: rewrite the text from it.
  return raw.includes("@")
    ? raw.replace(MENTION, "$1@\u200d")
    : escapeText(value.replace(MENTION, "$1@\u200d"));
}

/** Backslash-escapes ASCII punctuation, which CommonMark then shows literally. */
function escapeText(value: string): string {
  return value.replace(/[!-/:-@[-`{-~]/g, "\\$&").replace(/\s+/g, " ");
}

/** Links stay only on the PR's own host (over https), or inside the page. */
export function isAllowedUrl(url: string, allowedHost: string): boolean {
  if (url.startsWith("#")) return true;
  if (url.startsWith("/")) return !url.startsWith("//") && !url.startsWith("/\\");
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "https:" && (hostname === allowedHost || hostname.endsWith(`.${allowedHost}`));
  } catch {
    return false;
  }
}
