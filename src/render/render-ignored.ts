import type { IgnoredFinding } from "../review/apply-ignores.ts";
import { cell, sanitizeMarkdown } from "./sanitize-markdown.ts";
import type { IgnoreEntry } from "./summary-state.ts";

/** At most this many ignored findings are named; the rest are counted. */
const MAX_LISTED = 50;

/**
 * "Ignored", folded: what was left out, by whom (a login, or the repository config), and the
 * PR's ignores that matched nothing this time (the code they were about is gone). Empty when
 * nothing was ignored. Titles are PR-influenced text and are sanitized like all model text.
 */
export function renderIgnored(
  ignored: readonly IgnoredFinding[],
  entries: readonly IgnoreEntry[],
  host: string,
): string {
  const unmatched = entries.filter((entry) =>
    entry.kind === "finding"
      ? !ignored.some((i) => i.fingerprint === entry.fingerprint)
      : !ignored.some((i) => i.finding.ruleId === entry.ruleId),
  );
  if (ignored.length === 0 && unmatched.length === 0) return "";
  const lines = ignored.slice(0, MAX_LISTED).map(({ finding, by, scope }) => {
    const where = finding.path === null ? "" : ` in \`${cell(finding.path).replace(/`/g, "'")}\``;
    const who = by === null ? "by the repository config" : `by ${sanitizeMarkdown(`@${by}`, host)}`;
    return `- **${sanitizeMarkdown(cell(finding.title), host)}** (\`${finding.ruleId}\`)${where}: ignored ${who}, ${scope}`;
  });
  if (ignored.length > MAX_LISTED) lines.push(`- … and ${ignored.length - MAX_LISTED} more`);
  for (const entry of unmatched) {
    const what =
      entry.kind === "finding"
        ? `“${sanitizeMarkdown(cell(entry.title ?? "a finding"), host)}”`
        : `rule \`${entry.ruleId}\``;
    lines.push(`- ${what}: ignored by ${sanitizeMarkdown(`@${entry.by}`, host)}; not found in this push`);
  }
  const unused = unmatched.length > 0 ? `, ${unmatched.length} not matched this push` : "";
  return `<details><summary><b>Ignored (${ignored.length}${unused})</b>: not posted and not scored</summary>\n\n${lines.join("\n")}\n\n</details>`;
}
