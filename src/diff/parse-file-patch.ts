import { parsePatch } from "diff";
import { buildHunks, countChanges, hunkSections } from "./build-hunks.ts";
import type { DiffFile, FileStatus } from "./diff-model.ts";

/** The subset of a `pulls.listFiles` entry that the diff model needs. */
export interface ListedFile {
  filename: string;
  previous_filename?: string | undefined;
  status: string;
  additions: number;
  deletions: number;
  patch?: string | undefined;
}

const STATUSES: Record<string, FileStatus> = {
  added: "added",
  removed: "removed",
  modified: "modified",
  renamed: "renamed",
  copied: "copied",
  // GitHub also reports "changed" (mode only) and "unchanged"; both are modifications to us.
  changed: "modified",
  unchanged: "modified",
};

/**
 * Parses one file from `pulls.listFiles`. GitHub sends only the hunks (no `diff --git` headers),
 * and omits `patch` for binary files and for patches too large to show: those are kept, marked
 * `patchMissing`, so coverage can say so instead of dropping them.
 */
export function parseFilePatch(file: ListedFile): DiffFile {
  const status = STATUSES[file.status] ?? "modified";
  const base = {
    path: file.filename,
    oldPath: file.previous_filename ?? file.filename,
    status,
    oldMode: null,
    newMode: null,
  };
  if (file.patch === undefined || file.patch === "") {
    const patchMissing = file.additions + file.deletions > 0 || file.patch === undefined;
    return {
      ...base,
      // Without a patch we can't tell binary from "too large"; a file with line counts is text.
      binary: patchMissing && file.additions + file.deletions === 0 && status !== "renamed",
      patchMissing: patchMissing && !(status === "renamed" && file.additions + file.deletions === 0),
      additions: file.additions,
      deletions: file.deletions,
      hunks: [],
    };
  }
  const [parsed] = parsePatch(file.patch);
  const hunks = buildHunks(parsed?.hunks ?? [], hunkSections(file.patch));
  return { ...base, binary: false, patchMissing: false, ...countChanges(hunks), hunks };
}
