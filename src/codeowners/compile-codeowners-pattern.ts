/**
 * Compiles one CODEOWNERS pattern to a matcher with GitHub's semantics, which follow
 * `.gitignore` with documented exceptions:
 * - a leading `/`, or a `/` inside the pattern, anchors it to the repository root; otherwise
 *   it matches at any depth (`*.js`, `apps/`);
 * - a trailing `/` matches everything inside that directory, never a file of that name;
 * - a pattern that names a file or directory also matches everything below it;
 * - a final lone `*` matches one level only (`docs/*` owns `docs/a.md`, not `docs/x/b.md`);
 * - `**` spans directories, `*` and `?` stay within one path segment, `\` escapes;
 * - matching is case-sensitive.
 * Negation (`!`) and character ranges (`[ ]`) are not supported by GitHub; the parser rejects them.
 */
export function compileCodeownersPattern(pattern: string): RegExp {
  if (pattern === "*" || pattern === "**" || pattern === "/**") return /^.+$/;
  const anchored = pattern.startsWith("/") || pattern.replace(/\/$/, "").includes("/");
  let body = pattern.replace(/^\//, "");
  const directoryOnly = body.endsWith("/");
  if (directoryOnly) body = body.slice(0, -1);
  const segments = body.split("/");

  let source = anchored ? "^" : "^(?:.*/)?";
  let needSlash = false;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "**") {
      if (index === 0) source += last ? ".+" : "(?:.*/)?";
      else source += last ? "/.+" : "(?:/.+)?";
      needSlash = index !== 0;
      return;
    }
    if (needSlash) source += "/";
    source += segment === "*" ? "[^/]+" : translateSegment(segment);
    needSlash = true;
    if (!last) return;
    if (directoryOnly) source += "/.+";
    else if (segment !== "*") source += "(?:/.*)?";
  });
  return new RegExp(`${source}$`);
}

function translateSegment(segment: string): string {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] ?? "";
    if (char === "\\" && i + 1 < segment.length) out += escapeRegExp(segment[++i] ?? "");
    else if (char === "*") out += "[^/]*";
    else if (char === "?") out += "[^/]";
    else out += escapeRegExp(char);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
