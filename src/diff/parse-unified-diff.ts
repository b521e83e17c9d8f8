import { parsePatch, type StructuredPatch } from "diff";
import { errorMessage } from "../errors/error-message.ts";
import type { DiffFile } from "./diff-model.ts";
import { fromStructuredPatch } from "./from-structured-patch.ts";
import { hunkSections } from "./hunk-sections.ts";
import { splitGitDiff } from "./split-git-diff.ts";

/**
 * Parses a full unified diff (`git diff`, or GitHub's `application/vnd.github.diff` media type)
 * into the same model `parseFilePatch` gives for `pulls.listFiles` entries. jsdiff reads git's
 * extended headers (renames, copies, modes, new and deleted files, binary markers, C-quoted
 * paths with octal escapes); this adds per-file isolation, hunk sections and CRLF handling.
 *
 * A file whose diff jsdiff rejects is kept, marked `patchMissing` with the parser's message, so
 * the summary's coverage names it instead of the whole triage failing.
 *
 * @throws only when the text has hunks but no file names at all (that is a single file's patch:
 *   use `parseFilePatch`), or a file header so broken that the file cannot even be named.
 */
export function parseUnifiedDiff(diffText: string): DiffFile[] {
  const files: DiffFile[] = [];
  for (const sectionText of splitGitDiff(withLfFraming(diffText))) {
    for (const file of parseSection(sectionText)) files.push(file);
  }
  return files;
}

/**
 * A diff saved or sent with CRLF line endings has `\r` on every line, headers included, which
 * would end up in paths. Git itself writes LF framing and keeps a CRLF file's `\r` only in its
 * content lines, so a `\r` at the end of the first line means the whole text was converted:
 * undo one level of it (a CRLF file's lines, now `\r\r\n`, keep their own `\r`).
 */
function withLfFraming(diffText: string): string {
  const firstNewline = diffText.indexOf("\n");
  return firstNewline > 0 && diffText.charCodeAt(firstNewline - 1) === 0x0d
    ? diffText.replaceAll("\r\n", "\n")
    : diffText;
}

function parseSection(sectionText: string): DiffFile[] {
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(sectionText);
  } catch (error) {
    return [unreadableFile(sectionText, error)];
  }
  const sections = hunkSections(sectionText);
  const files: DiffFile[] = [];
  let sectionIndex = 0;
  for (const patch of patches) {
    const named = patch.oldFileName !== undefined || patch.newFileName !== undefined;
    if (!named && patch.hunks.length === 0) continue; // blank lines or prose between files
    if (!named) {
      throw new Error(
        "Expected a unified diff with `diff --git` or `---`/`+++` file headers, but found hunks without a file name. " +
          "For the hunks-only `patch` of a `pulls.listFiles` entry, use parseFilePatch instead.",
      );
    }
    // Plain (non-git) diffs can hold several files in one section; hand out sections in order.
    const own = sections.slice(sectionIndex, sectionIndex + patch.hunks.length);
    sectionIndex += patch.hunks.length;
    files.push(fromStructuredPatch(patch, own, sectionText));
  }
  return files;
}

/** Keeps a file whose hunks jsdiff rejected, named from its headers, with the reason it has no lines. */
function unreadableFile(sectionText: string, error: unknown): DiffFile {
  const problem = errorMessage(error);
  const firstHunk = sectionText.indexOf("\n@@");
  let header: StructuredPatch | undefined;
  try {
    [header] = parsePatch(firstHunk === -1 ? sectionText : sectionText.slice(0, firstHunk + 1));
  } catch {
    header = undefined;
  }
  if (header === undefined || (header.oldFileName === undefined && header.newFileName === undefined)) {
    const firstLine = sectionText.split("\n", 1)[0] ?? "";
    throw new Error(
      `Could not read the diff section starting ${JSON.stringify(firstLine.slice(0, 200))}: ${problem}. ` +
        "Expected git's format (`diff --git a/<path> b/<path>`, extended headers, `---`/`+++`, hunks); " +
        "check that the text is an unmodified `git diff` or GitHub `.diff` response.",
    );
  }
  return {
    ...fromStructuredPatch({ ...header, hunks: [] }, [], ""),
    patchMissing: true,
    patchMissingReason: `the diff of this file could not be parsed (${problem})`,
  };
}
