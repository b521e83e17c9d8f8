import { countTokens } from "gpt-tokenizer";
import { findSecretValues } from "../analyzers/secrets/find-secret-values.ts";
import { addedFile } from "../diff/added-file.ts";
import type { DiffFile, Hunk } from "../diff/diff-model.ts";
import type { PackResult } from "../llm/pack-chunks.ts";
import { redactText } from "../redaction/redact-text.ts";
import { redactSecretShapes } from "../render/sanitize-markdown.ts";
import { CONTEXT_HEADER } from "./context-line.ts";
import { enclosingBlock } from "./enclosing-block.ts";
import { findCallSites } from "./find-call-sites.ts";
import type { HeadSource } from "./head-source.ts";
import { isJsLike, jsOutline } from "./js-outline.ts";
import type { LineRange } from "./line-range.ts";
import { renderCallSites } from "./render-call-sites.ts";
import { renderEnclosingBlocks } from "./render-enclosing-blocks.ts";

export interface ContextSettings {
  enabled: boolean;
  /** Most head files read for enclosing blocks (one request each in the app). */
  maxFiles: number;
  /** Most uses shown per changed exported symbol; 0 turns the search off. */
  callSites: number;
}

/** A changed export's uses only help if the model can connect them; a handful is plenty. */
const MAX_SYMBOLS = 5;

interface ContextItem {
  path: string;
  text: string;
  tokens: number;
}

/**
 * Adds context after the diff in each chunk, within `budget` tokens per request and never at the
 * diff's expense: first the whole enclosing function or block of each hunk (from the head file,
 * cut at syntax boundaries), then the uses elsewhere of the exported symbols the PR changes.
 * Returns the new pack (same chunks and files, longer text) and the context tokens added. Files
 * split over several chunks get none: their chunks are full already.
 */
export async function addReviewContext(
  pack: PackResult,
  sent: readonly DiffFile[],
  source: HeadSource,
  settings: ContextSettings,
  budget: number,
): Promise<{ pack: PackResult; tokens: number }> {
  if (!settings.enabled || pack.chunks.length === 0) return { pack, tokens: 0 };
  const chunkCount = new Map<string, number>();
  for (const chunk of pack.chunks)
    for (const path of chunk.files) chunkCount.set(path, (chunkCount.get(path) ?? 0) + 1);
  const candidates = pack.chunks
    .flatMap((chunk) => chunk.files)
    .filter((path) => chunkCount.get(path) === 1)
    .flatMap((path) =>
      sent.filter((file) => file.path === path && file.status !== "removed" && file.hunks.length > 0),
    )
    .slice(0, settings.maxFiles);
  const texts = await Promise.all(candidates.map((file) => source.read(file.path)));

  const items: ContextItem[] = [];
  const symbols: { name: string; definedIn: string }[] = [];
  candidates.forEach((file, index) => {
    const text = texts[index];
    if (text === null || text === undefined) return;
    const lines = text.split("\n");
    const outline = isJsLike(file.path) ? jsOutline(file.path, text) : null;
    const shown = file.hunks.map(shownRange);
    const blocks = mergeRanges(
      file.hunks.flatMap((hunk, i) => {
        const block = enclosingBlock(lines, outline, changedRange(hunk), shown[i] ?? shownRange(hunk));
        return block ? [block] : [];
      }),
    );
    if (blocks.length > 0)
      items.push(item(file.path, renderEnclosingBlocks(file.path, lines, blocks, shown)));
    const added = file.hunks.flatMap((hunk) =>
      hunk.lines.flatMap((l) => (l.kind === "add" && l.newLine ? [l.newLine] : [])),
    );
    for (const exported of outline?.exports ?? []) {
      const changed = added.some((n) => n >= exported.range.start && n <= exported.range.end);
      if (changed && exported.name !== "default") symbols.push({ name: exported.name, definedIn: file.path });
    }
  });

  const wanted = symbols.slice(0, MAX_SYMBOLS);
  if (settings.callSites > 0 && wanted.length > 0) {
    const found = await source.search(
      wanted.map((s) => s.name),
      new Set(wanted.map((s) => s.definedIn)),
    );
    for (const symbol of wanted) {
      const sites = findCallSites(symbol.name, found, settings.callSites);
      if (sites.length > 0)
        items.push(item(symbol.definedIn, renderCallSites(symbol.name, symbol.definedIn, sites)));
    }
  }
  return fitIntoChunks(pack, await redactItems(items), budget);
}

/**
 * Context is code the analyzers never scanned (it is not in the diff): secrets in it are found
 * and masked here, before it can reach the LLM, like those in added lines.
 */
async function redactItems(items: readonly ContextItem[]): Promise<ContextItem[]> {
  if (items.length === 0) return [];
  const secrets = await findSecretValues(
    items.map((context, i) => addedFile(`${context.path}#${i}`, context.text)),
  );
  return items.map((context) => item(context.path, redactSecretShapes(redactText(context.text, secrets))));
}

/** Enclosing blocks come before uses (items are in that order); whatever does not fit is left out. */
function fitIntoChunks(
  pack: PackResult,
  items: readonly ContextItem[],
  budget: number,
): { pack: PackResult; tokens: number } {
  const headerTokens = countTokens(`\n\n${CONTEXT_HEADER}\n`);
  let added = 0;
  const chunks = pack.chunks.map((chunk) => {
    let text = chunk.text;
    let tokens = chunk.tokens;
    let opened = false;
    for (const context of items) {
      if (!chunk.files.includes(context.path)) continue;
      const cost = context.tokens + (opened ? 1 : headerTokens);
      if (tokens + cost > budget) continue;
      text += opened ? `\n${context.text}` : `\n\n${CONTEXT_HEADER}\n${context.text}`;
      tokens += cost;
      added += cost;
      opened = true;
    }
    return { ...chunk, text, tokens };
  });
  return { pack: { ...pack, chunks }, tokens: added };
}

function item(path: string, text: string): ContextItem {
  return { path, text, tokens: countTokens(text) };
}

function shownRange(hunk: Hunk): LineRange {
  return { start: hunk.newStart, end: hunk.newStart + Math.max(0, hunk.newLines - 1) };
}

/** The new-side lines the hunk changes; a pure deletion sits at the line before the gap. */
function changedRange(hunk: Hunk): LineRange {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  let lastNew = Math.max(1, hunk.newStart - 1);
  for (const line of hunk.lines) {
    const at = line.kind === "add" ? line.newLine : line.kind === "del" ? lastNew : null;
    if (line.newLine !== null) lastNew = line.newLine;
    if (at === null) continue;
    start = Math.min(start, at);
    end = Math.max(end, at);
  }
  return Number.isFinite(start) ? { start, end } : shownRange(hunk);
}

function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end + 1) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
