import { printablePath } from "../diff/printable-path.ts";
import type { CallSite } from "./find-call-sites.ts";
import type { LineRange } from "./line-range.ts";

/** Minified or generated lines would eat the budget without helping. */
const MAX_LINE_CHARS = 300;

/**
 * Opens the context part of a chunk. Context lines carry a `|` and no line number, so that the
 * model has nothing to cite from them; the system prompt says they are never to be reported on.
 */
export const CONTEXT_HEADER =
  "## Context (unchanged code at the head commit, for understanding only: not part of the diff, never cite it)";

/** A file's enclosing blocks, leaving out the lines the diff above already shows. */
export function renderEnclosingBlocks(
  path: string,
  lines: readonly string[],
  blocks: readonly LineRange[],
  shown: readonly LineRange[],
): string {
  const out = [`### Enclosing ${blocks.length === 1 ? "block" : "blocks"} in ${printablePath(path)}`];
  for (const block of blocks) {
    let elided = 0;
    for (let n = block.start; n <= block.end; n++) {
      if (shown.some((range) => n >= range.start && n <= range.end)) {
        elided++;
        continue;
      }
      if (elided > 0) out.push(`| … ${elided} line${elided === 1 ? "" : "s"} shown in the diff above …`);
      elided = 0;
      out.push(`| ${cut(lines[n - 1] ?? "")}`);
    }
    if (elided > 0) out.push(`| … ${elided} line${elided === 1 ? "" : "s"} shown in the diff above …`);
    out.push("|");
  }
  return out.join("\n");
}

/** Where a symbol the PR changes is used elsewhere, so the model can see what the change breaks. */
export function renderCallSites(symbol: string, definedIn: string, sites: readonly CallSite[]): string {
  const out = [`### Uses of \`${symbol}\` (exported by ${printablePath(definedIn)}, changed in this PR)`];
  for (const site of sites)
    out.push(`${printablePath(site.path)}:`, ...site.snippet.map((line) => `| ${cut(line)}`));
  return out.join("\n");
}

function cut(line: string): string {
  const text = line.replace(/\r$/, "");
  return text.length <= MAX_LINE_CHARS ? text : `${text.slice(0, MAX_LINE_CHARS)} …`;
}
