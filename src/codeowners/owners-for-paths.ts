import { matchCodeowners } from "./match-codeowners.ts";
import type { ParsedCodeowners } from "./parse-codeowners.ts";

export interface PathOwners {
  path: string;
  /** Empty when the winning rule lists no owner, or no rule matches. */
  owners: string[];
  /** CODEOWNERS line of the winning rule; null when no rule matches. */
  line: number | null;
}

/** The code owners of each path (last matching rule wins), for routing and for explaining it. */
export function ownersForPaths(codeowners: ParsedCodeowners | null, paths: readonly string[]): PathOwners[] {
  return paths.map((path) => {
    const rule = codeowners ? matchCodeowners(codeowners.rules, path) : null;
    return { path, owners: rule ? [...rule.owners] : [], line: rule?.line ?? null };
  });
}
