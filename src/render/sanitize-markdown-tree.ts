import type { Nodes, Parent, PhrasingContent, Root, RootContent, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfm } from "micromark-extension-gfm";

/**
 * One pass of the parse-based sanitizer: Markdown in, Markdown out, with only an allow-list of
 * node types kept. Images, raw HTML (comments included), link and image definitions, and links
 * to other hosts (inline, reference, autolink, `www.`, protocol-relative) are removed; every `@`
 * in text is defused. Code is left as it is: GitHub renders it literally.
 */
export function sanitizeMarkdownTree(markdown: string, allowedHost: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const clean = cleanChildren(tree, allowedHost) as Root["children"];
  const out = toMarkdown(
    { type: "root", children: clean },
    { extensions: [gfmToMarkdown()], bullet: "-", emphasis: "_", fences: true, rule: "-" },
  );
  // The serializer escapes the `@` of an e-mail address so it is not autolinked; a mailto link
  // is harmless, and the escape would show in places that do not render Markdown.
  return out.replace(/\n$/, "").replace(/(\w)\\@/g, "$1@");
}

function cleanChildren(parent: Parent, host: string): RootContent[] {
  return parent.children.flatMap((child) => cleanNode(child, host));
}

function cleanNode(node: RootContent, host: string): RootContent[] {
  switch (node.type) {
    case "html":
    case "definition":
    case "footnoteDefinition":
    case "imageReference":
      return [];
    case "image":
      // The alt text is kept as words; the URL, which GitHub would fetch, is not.
      return node.alt ? [text(node.alt)] : [];
    case "text":
      return [text(defuseMentions(node.value))];
    case "code":
    case "inlineCode":
      return [node];
    case "link":
      return cleanLink(node, host);
    case "linkReference":
      // Its definition is removed, so it can only be words.
      return cleanChildren(node, host);
    case "footnoteReference":
      return [];
    default:
      if ("children" in node) {
        return [{ ...node, children: cleanChildren(node, host) } as RootContent];
      }
      return [node];
  }
}

function cleanLink(node: Extract<Nodes, { type: "link" }>, host: string): RootContent[] {
  const children = cleanChildren(node, host) as PhrasingContent[];
  if (isAllowedUrl(node.url, host)) return [{ type: "link", url: node.url, title: null, children }];
  if (node.url.startsWith("mailto:")) return children;
  // An autolink's text is its URL: keeping it as text would let GitHub link it again.
  const label = plainText(children);
  const isAutolink = node.url.endsWith(label) || label.startsWith("www.") || /^[a-z]+:\/\//i.test(label);
  return isAutolink || label === "" ? [text("(link removed)")] : [...children, text(" (link removed)")];
}

function plainText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => ("value" in node ? node.value : "children" in node ? plainText(node.children) : ""))
    .join("");
}

function text(value: string): Text {
  return { type: "text", value };
}

/** A zero-width joiner after every `@` not inside a word keeps the text readable but stops the mention. */
function defuseMentions(value: string): string {
  return value.replace(/(^|[^\w])@(?!\u200d)/g, "$1@\u200d");
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
