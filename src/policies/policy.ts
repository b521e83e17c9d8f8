import type { Severity } from "../findings/finding.ts";

/** A repository policy: a markdown file the AI review checks PRs against, read from the base branch. */
export interface Policy {
  /** Path of the policy file in the repository. */
  path: string;
  /** How findings cite it: front matter `title:`, else the first `# heading`, else the file name. */
  title: string;
  /** Globs (front matter `paths:`) of changed files the policy is about; empty means every PR. */
  paths: string[];
  /** Severity of a violation (front matter `severity:`); null lets the reviewer judge. */
  severity: Severity | null;
  /** The markdown body, without front matter. */
  body: string;
}

/** Where policy files are read from: the base branch on GitHub, a git ref or a local folder in the CLI. */
export interface PolicySource {
  /** Files directly in `dir` (or at any depth when `recursive`), with their size in bytes. */
  list(dir: string, recursive: boolean): Promise<{ path: string; size: number }[]>;
  /** The file's text. Throws when it cannot be read. */
  read(path: string): Promise<string>;
}
