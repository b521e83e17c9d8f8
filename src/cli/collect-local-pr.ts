import type { DiffFile } from "../diff/diff-model.ts";
import { parseUnifiedDiff } from "../diff/parse-unified-diff.ts";
import { UsageError } from "./cli-io.ts";
import { git, gitOrNull } from "./git.ts";

/** The local branch seen as the pull request it would become. */
export interface LocalPr {
  root: string;
  /** The ref config and policies are read from (the PR's base branch). */
  base: string;
  mergeBase: string;
  headRef: string;
  headSha: string;
  files: DiffFile[];
  title: string;
  body: string;
  author: string;
  /** Web URL of `origin` when it is a GitHub-style remote, for links in the summary. */
  repoUrl: string;
}

/**
 * Reads the current branch as GitHub would show it in a PR against `base`: the diff from the
 * merge base to HEAD (committed changes only, as a push would send), with renames detected.
 * Title and body follow GitHub's defaults: one commit gives its message; several give the
 * branch name and the list of commit subjects.
 */
export function collectLocalPr(cwd: string, baseOption: string | undefined): LocalPr {
  const root = gitOrNull(cwd, ["rev-parse", "--show-toplevel"])?.trim();
  if (!root) {
    throw new UsageError(
      `pr-triage review must run inside a git repository, but ${cwd} is not in one. cd into your repository first.`,
    );
  }
  const base = baseOption ?? defaultBase(root);
  if (gitOrNull(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]) === null) {
    throw new UsageError(
      `Unknown base ref "${base}": expected a branch, tag or commit that exists locally. Fetch it (\`git fetch origin ${base}\`) or pass another with --base.`,
    );
  }
  const mergeBase = gitOrNull(root, ["merge-base", base, "HEAD"])?.trim();
  if (!mergeBase) {
    throw new UsageError(
      `HEAD and "${base}" have no common ancestor, so there is no PR diff. Pass the branch this work started from with --base.`,
    );
  }
  const diff = git(root, [
    "diff",
    "--full-index",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    `${mergeBase}..HEAD`,
  ]);
  const headRef = git(root, ["rev-parse", "--abbrev-ref", "HEAD"]).trim();
  const subjects = git(root, ["log", "--format=%s", `${mergeBase}..HEAD`])
    .split("\n")
    .filter(Boolean);
  const single = subjects.length === 1;
  return {
    root,
    base,
    mergeBase,
    headRef,
    headSha: git(root, ["rev-parse", "HEAD"]).trim(),
    files: parseUnifiedDiff(diff),
    title: single ? (subjects[0] ?? headRef) : headRef,
    body: single
      ? git(root, ["log", "-1", "--format=%b", "HEAD"]).trim()
      : subjects
          .reverse()
          .map((s) => `- ${s}`)
          .join("\n"),
    author: git(root, ["log", "-1", "--format=%an", "HEAD"]).trim(),
    repoUrl: webUrlOf(gitOrNull(root, ["remote", "get-url", "origin"])?.trim() ?? ""),
  };
}

/** `origin`'s default branch when known, else `main`, else `master`. */
function defaultBase(root: string): string {
  const originHead = gitOrNull(root, [
    "symbolic-ref",
    "--quiet",
    "--short",
    "refs/remotes/origin/HEAD",
  ])?.trim();
  if (originHead) return originHead;
  for (const name of ["main", "master"]) {
    if (gitOrNull(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${name}`]) !== null) return name;
  }
  throw new UsageError(
    "Could not find the base branch: there is no origin/HEAD, main or master. Pass it with --base <ref>.",
  );
}

/** `git@github.com:acme/api.git` or `https://github.com/acme/api.git` → `https://github.com/acme/api`. */
function webUrlOf(remote: string): string {
  const match = /^(?:https?:\/\/(?:[^@/]+@)?|git@|ssh:\/\/git@)([^/:]+)[/:](.+?)(?:\.git)?\/?$/.exec(remote);
  return match ? `https://${match[1]}/${match[2]}` : "https://github.com/local/repository";
}
