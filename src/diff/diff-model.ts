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
  /** True when git marked this line `\ No newline at end of file`: it is the last line, unterminated. */
  noNewlineAtEnd?: boolean;
}

export interface Hunk {
  /** First line of the hunk in the old file (1-based; for an empty side, the line it sits after + 1). */
  oldStart: number;
  /** Number of old-file lines (context + deleted): old lines are `oldStart … oldStart + oldLines - 1`. */
  oldLines: number;
  newStart: number;
  /** Number of new-file lines (context + added): new lines are `newStart … newStart + newLines - 1`. */
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
  /**
   * True when the file's lines are unknown: `pulls.listFiles` left the patch out (too large, or
   * binary) or it could not be parsed. The file cannot be reviewed line by line. A binary file
   * read from a full diff is `binary` with no hunks, but nothing is missing.
   */
  patchMissing: boolean;
  /**
   * Why there is no patch, in words fit for the summary's coverage section (e.g. "GitHub sent no
   * patch (file diff too large)"). Set by the collector when it knows more than `patchMissing` says.
   */
  patchMissingReason?: string;
  /** File mode before the change (e.g. `100644`), when the diff states it; `null` otherwise. */
  oldMode: string | null;
  /** File mode after the change (e.g. `100755`), when the diff states it; `null` otherwise. */
  newMode: string | null;
  additions: number;
  deletions: number;
  /** In file order; empty for binary files, missing patches, pure renames, mode changes and empty files. */
  hunks: Hunk[];
}
