/** One use of a changed symbol elsewhere in the repository, with a line of code either side. */
export interface CallSite {
  path: string;
  line: number;
  snippet: string[];
}

/** Imports name the symbol without showing how it is used. */
const IMPORT_LINE =
  /^\s*(import\b|export\s+(\*|\{[^}]*\})\s+from\b|(const|let|var)\s+\{[^}]*\}\s*=\s*require\()/;

/**
 * Up to `max` lines per symbol where it is used as a whole word (imports skipped), across the
 * given files in their order (the caller puts the most relevant first).
 */
export function findCallSites(
  symbol: string,
  files: readonly { path: string; text: string }[],
  max: number,
): CallSite[] {
  const word = new RegExp(`(^|[^\\w$])${symbol.replace(/[$]/g, "\\$")}($|[^\\w$])`);
  const sites: CallSite[] = [];
  for (const file of files) {
    const lines = file.text.split("\n");
    for (let i = 0; i < lines.length && sites.length < max; i++) {
      const text = lines[i] ?? "";
      if (!word.test(text) || IMPORT_LINE.test(text)) continue;
      sites.push({ path: file.path, line: i + 1, snippet: lines.slice(Math.max(0, i - 1), i + 2) });
    }
    if (sites.length >= max) break;
  }
  return sites;
}
