/** Where a repository's PR Triage settings live, on its base branch (product contract). */
export const CONFIG_PATH = ".github/pr-triage.yml";
