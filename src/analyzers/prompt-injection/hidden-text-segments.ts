import { decodeTags } from "../hidden-unicode/scan-hidden-unicode.ts";

/** A piece of a line's text, and where it hides from a reader of the rendered file (null: in plain view). */
export interface TextSegment {
  text: string;
  carrier: string | null;
}

/** Markdown/HTML state that spans lines: an open HTML comment, an open collapsed `<details>`. */
export interface CarrierState {
  inComment: boolean;
  /** Text of the HTML comment so far, so a phrase can be read with the addressee named above it. */
  comment: string;
  detailsDepth: number;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const TAGS = /[\u{e0000}-\u{e007f}]+/gu;
const IMAGE_ALT = /!\[([^\]]+)\]/g;
const LINK_TITLE = /\]\([^)\s]*\s+(?:"([^"]+)"|'([^']+)')\)/g;
const MARKDOWN_COMMENT = /^\s*\[(?:\/\/|comment|_)\]:\s*(?:#|<>)\s*(?:\(([^)]*)\)|"([^"]*)")/i;
const CONFIG_COMMENT = /(?:^|\s)(?:#|\/\/)\s?(.*)$/;

/**
 * Splits a line into what a reader sees and what the rendered page hides: HTML comments,
 * collapsed `<details>`, image alt text, link titles, Markdown comment lines, zero-width-split
 * words and TAG characters (decoded), and comments in config files (`commentsHide`).
 */
export function hiddenTextSegments(line: string, state: CarrierState, commentsHide: boolean): TextSegment[] {
  const segments: TextSegment[] = [];
  const tags = [...line.matchAll(TAGS)].map((match) =>
    decodeTags([...match[0]].map((ch) => ch.codePointAt(0) ?? 0)),
  );
  for (const decoded of tags)
    if (decoded) segments.push({ text: decoded, carrier: "Unicode TAG characters" });
  const withoutTags = line.replace(TAGS, "");
  const plain = withoutTags.replace(ZERO_WIDTH, "");
  const zeroWidth = plain !== withoutTags;
  let visible = "";
  let rest = plain;
  while (rest.length > 0) {
    if (state.inComment) {
      const end = rest.indexOf("-->");
      const inside = end === -1 ? rest : rest.slice(0, end);
      state.comment += ` ${inside}`;
      segments.push({ text: inside, carrier: "an HTML comment" });
      if (end === -1) break;
      state.inComment = false;
      rest = rest.slice(end + 3);
      continue;
    }
    const start = rest.indexOf("<!--");
    if (start === -1) {
      visible += rest;
      break;
    }
    visible += rest.slice(0, start);
    state.inComment = true;
    state.comment = "";
    rest = rest.slice(start + 4);
  }
  for (const match of visible.matchAll(IMAGE_ALT))
    segments.push({ text: match[1] ?? "", carrier: "image alt text" });
  for (const match of visible.matchAll(LINK_TITLE))
    segments.push({ text: match[1] ?? match[2] ?? "", carrier: "a link title" });
  const markdownComment = MARKDOWN_COMMENT.exec(visible);
  if (markdownComment)
    segments.push({ text: markdownComment[1] ?? markdownComment[2] ?? "", carrier: "a Markdown comment" });
  const configComment = commentsHide ? CONFIG_COMMENT.exec(visible) : null;
  if (configComment) segments.push({ text: configComment[1] ?? "", carrier: "a comment in a config file" });
  if (/<details(?![^>]*\bopen\b)[^>]*>/i.test(visible)) state.detailsDepth++;
  const collapsed = state.detailsDepth > 0;
  if (/<\/details>/i.test(visible)) state.detailsDepth = Math.max(0, state.detailsDepth - 1);
  const carrier = zeroWidth ? "zero-width characters" : collapsed ? "a collapsed <details> block" : null;
  segments.push({ text: visible, carrier });
  return segments;
}
