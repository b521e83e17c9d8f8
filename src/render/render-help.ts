/** The answer to `/triage help`: every command, what it does, and who may use it. */
export function renderHelp(): string {
  return [
    "**PR Triage commands** (from users with write access; others get a 👎 and nothing changes):",
    "",
    "| Command | Where | What it does |",
    "|---|---|---|",
    "| `/triage` | PR comment | Re-runs the triage on the current head. |",
    '| `/triage ignore` | reply to a PR Triage inline comment | Marks that finding "not a problem" on this PR: later pushes do not post it again, it no longer counts toward the risk score, and the summary lists it as ignored, by you. |',
    "| `/triage ignore rule <id>` | PR comment or reply | The same for every finding of rule `<id>` (as shown in the comment, e.g. `ci-workflows/unpinned-action`) on this PR. |",
    "| `/triage help` | PR comment or reply | This list. |",
    "",
    "To ignore a rule or a path in every PR, add it to `ignore.rules` or `ignore.findings` in `.github/pr-triage.yml` on the default branch (see docs/configuration.md); that change is reviewed like any other.",
  ].join("\n");
}
