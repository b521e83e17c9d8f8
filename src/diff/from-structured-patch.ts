import type { StructuredPatch } from "diff";
import { buildHunks } from "./build-hunks.ts";
import { countChanges } from "./count-changes.ts";
import type { DiffFile, FileStatus } from "./diff-model.ts";

const DEV_NULL = "/dev/null";

/**
 * Turns one file of jsdiff's `parsePatch` output (with git's extended headers read) into our
 * model. `sections` are the hunk headers' section texts for this file's hunks, in order;
 * `sectionText` is the raw text of this file's diff, used for what jsdiff does not report.
 */
export function fromStructuredPatch(
  patch: StructuredPatch,
  sections: readonly string[],
  sectionText: string,
): DiffFile {
  const created = patch.isCreate === true || patch.oldFileName === DEV_NULL;
  const deleted = patch.isDelete === true || patch.newFileName === DEV_NULL;
  const { oldName, newName } = withoutPrefixes(patch.oldFileName ?? "", patch.newFileName ?? "");
  const path = deleted ? oldName : newName;
  const hunks = buildHunks(patch.hunks, sections);
  return {
    path,
    oldPath: created ? path : oldName,
    status: statusOf(patch, created, deleted),
    binary: patch.isBinary === true || isGitBinaryPatch(patch, sectionText),
    // A full diff leaves nothing out: a binary file simply has no lines.
    patchMissing: false,
    oldMode: patch.oldMode ?? null,
    newMode: patch.newMode ?? null,
    ...countChanges(hunks),
    hunks,
  };
}

/**
 * `git diff --binary` writes the contents instead of "Binary files … differ", and jsdiff knows
 * only the latter. Such a file has no hunks, and its git section holds only that file, so the
 * text is searched only then (searching every section would cost a second pass over the diff).
 */
function isGitBinaryPatch(patch: StructuredPatch, sectionText: string): boolean {
  return patch.isGit === true && patch.hunks.length === 0 && sectionText.includes("\nGIT binary patch");
}

function statusOf(patch: StructuredPatch, created: boolean, deleted: boolean): FileStatus {
  if (created) return "added";
  if (deleted) return "removed";
  if (patch.isRename === true) return "renamed";
  if (patch.isCopy === true) return "copied";
  return "modified";
}

/**
 * Drops git's `a/` and `b/` prefixes. jsdiff keeps them, and adds them itself to names read from
 * `rename from`/`copy from` lines; a `--no-prefix` diff has neither, so the prefixes are removed
 * only when both names carry them.
 */
function withoutPrefixes(oldFileName: string, newFileName: string): { oldName: string; newName: string } {
  const oldPrefixed = oldFileName === DEV_NULL || oldFileName.startsWith("a/");
  const newPrefixed = newFileName === DEV_NULL || newFileName.startsWith("b/");
  if (!oldPrefixed || !newPrefixed) return { oldName: oldFileName, newName: newFileName };
  return {
    oldName: oldFileName === DEV_NULL ? DEV_NULL : oldFileName.slice(2),
    newName: newFileName === DEV_NULL ? DEV_NULL : newFileName.slice(2),
  };
}
