import { printablePath } from "../diff/printable-path.ts";
import { contextLine } from "./context-line.ts";
import type { LineRange } from "./line-range.ts";

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
      out.push(`| ${contextLine(lines[n - 1] ?? "")}`);
    }
    if (elided > 0) out.push(`| … ${elided} line${elided === 1 ? "" : "s"} shown in the diff above …`);
    out.push("|");
  }
  return out.join("\n");
}
