import { printablePath } from "../diff/printable-path.ts";
import { contextLine } from "./context-line.ts";
import type { CallSite } from "./find-call-sites.ts";

/** Where a symbol the PR changes is used elsewhere, so the model can see what the change breaks. */
export function renderCallSites(symbol: string, definedIn: string, sites: readonly CallSite[]): string {
  const out = [`### Uses of \`${symbol}\` (exported by ${printablePath(definedIn)}, changed in this PR)`];
  for (const site of sites)
    out.push(`${printablePath(site.path)}:`, ...site.snippet.map((line) => `| ${contextLine(line)}`));
  return out.join("\n");
}
