/** A short, single-line quote of PR text for a finding message; backticks cannot break out of it. */
export function codeSnippet(text: string, max = 160): string {
  const flat = text.trim().replace(/\s+/g, " ").replace(/`/g, "'");
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
