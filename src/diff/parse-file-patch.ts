import { parsePatch } from "diff";
import { errorMessage } from "../errors/error-message.ts";
import { buildHunks } from "./build-hunks.ts";
import { countChanges } from "./count-changes.ts";
import type { DiffFile, FileStatus } from "./diff-model.ts";
import { hunkSections } from "./hunk-sections.ts";

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
  // GitHub also reports "changed" (mode or type only) and "unchanged"; both are modifications to us.
  changed: "modified",
  unchanged: "modified",
};

type FileBase = Pick<DiffFile, "path" | "oldPath" | "status" | "oldMode" | "newMode">;

/**
 * Parses one file from `pulls.listFiles`. GitHub sends only the hunks (no `diff --git` headers),
 * and omits `patch` for binary files and for patches too large to show: those are kept, marked
 * `patchMissing` with a reason, so coverage can say so instead of dropping them. It never throws:
 * a patch jsdiff cannot read is recorded the same way, so one odd file cannot stop a triage.
 */
export function parseFilePatch(file: ListedFile): DiffFile {
  const base: FileBase = {
    path: file.filename,
    oldPath: file.previous_filename ?? file.filename,
    status: STATUSES[file.status] ?? "modified",
    // listFiles does not report modes; only the full diff (`parseUnifiedDiff`) has them.
    oldMode: null,
    newMode: null,
  };
  if (file.patch === undefined || file.patch === "") return withoutPatch(base, file);
  try {
    const [parsed] = parsePatch(file.patch);
    const hunks = buildHunks(parsed?.hunks ?? [], hunkSections(file.patch));
    return { ...base, binary: false, patchMissing: false, ...countChanges(hunks), hunks };
  } catch (error) {
    return {
      ...base,
      binary: false,
      patchMissing: true,
      patchMissingReason: `GitHub's patch could not be parsed (${errorMessage(error)})`,
      additions: file.additions,
      deletions: file.deletions,
      hunks: [],
    };
  }
}

function withoutPatch(base: FileBase, file: ListedFile): DiffFile {
  const counts = { additions: file.additions, deletions: file.deletions, hunks: [] };
  if (file.additions + file.deletions > 0) {
    // Text GitHub counted but would not show: only the full diff, or a human, can review it.
    return {
      ...base,
      ...counts,
      binary: false,
      patchMissing: true,
      patchMissingReason: "GitHub sent no patch (file diff too large)",
    };
  }
  if (base.status === "renamed" || base.status === "copied" || file.status === "changed") {
    // A pure rename, copy or mode change: there are no lines, and nothing is missing.
    return { ...base, ...counts, binary: false, patchMissing: false };
  }
  // No lines counted and no patch: GitHub does this for binary files, and for empty ones. Binary
  // is by far the likelier, so it is the guess; the reason keeps the doubt visible.
  return {
    ...base,
    ...counts,
    binary: true,
    patchMissing: true,
    patchMissingReason: "binary or empty file (GitHub sent no patch)",
  };
}
