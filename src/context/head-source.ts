/**
 * Where review context is read from: the repository at the PR's head commit (GitHub's contents
 * and trees API in the app, `git` in the CLI). Each implementation bounds its own requests.
 */
export interface HeadSource {
  /** The text of `path` at head, or `null` when it cannot be read (missing, binary, too big, over the request budget). */
  read(path: string): Promise<string | null>;
  /**
   * Files at head, other than `exclude`, that may use one of `symbols`, with their text: the
   * candidates for call sites. Bounded by the implementation (files read, bytes).
   */
  search(symbols: readonly string[], exclude: ReadonlySet<string>): Promise<{ path: string; text: string }[]>;
}
