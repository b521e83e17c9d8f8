/** How a file changed in the pull request, as GitHub and git name it. */
export type FileStatus = "added" | "modified" | "removed" | "renamed" | "copied";

/** A line of a hunk: added (`+`), deleted (`-`) or unchanged context (` `). */
export type LineKind = "add" | "del" | "context";

export interface DiffLine {
  kind: LineKind;
  /** The line's text without the leading `+`/`-`/space marker and without a trailing `\r`. */
  content: string;
  /** Line number in the old file; `null` for added lines. */
  oldLine: number | null;
  /** Line number in the new file; `null` for deleted lines. */
  newLine: number | null;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@`: git's guess at the enclosing function or class. */
  section: string;
  lines: DiffLine[];
}

export interface DiffFile {
  /** Path in the new tree (for removed files, the path that was removed). */
  path: string;
  /** Path in the old tree; differs from `path` only for renames and copies. */
  oldPath: string;
  status: FileStatus;
  binary: boolean;
  /** True when GitHub sent no patch text (too large, or binary): the file cannot be reviewed line by line. */
  patchMissing: boolean;
  oldMode: string | null;
  newMode: string | null;
  additions: number;
  deletions: number;
  hunks: Hunk[];
}
