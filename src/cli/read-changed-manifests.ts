import type { FileContents } from "../analyzers/analyzer.ts";
import { CONTENTS_LIMITS, type ContentsLimits } from "../analyzers/dependencies/contents-limits.ts";
import { isDependencyFile } from "../analyzers/dependencies/is-dependency-file.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { gitOrNull } from "./git.ts";

/**
 * The CLI's side of `AnalyzerInput.contents`: each changed manifest, lockfile and `.gitmodules`
 * at the merge base and at HEAD, from git (`git show <ref>:<path>`), within the app's limits.
 */
export function readChangedManifests(
  root: string,
  files: readonly DiffFile[],
  refs: { base: string; head: string },
  limits: ContentsLimits = CONTENTS_LIMITS,
): FileContents[] {
  const show = (ref: string, path: string) => {
    const text = gitOrNull(root, ["show", `${ref}:${path}`]);
    return text !== null && Buffer.byteLength(text) <= limits.maxBytes ? text : null;
  };
  const contents: FileContents[] = [];
  const wanted = files.filter((f) => f.status !== "removed" && isDependencyFile(f.path));
  for (const [index, file] of wanted.entries()) {
    if (index >= limits.maxFiles) {
      contents.push({
        path: file.path,
        base: null,
        head: null,
        skipped: `over the ${limits.maxFiles}-file limit`,
      });
      continue;
    }
    const head = show(refs.head, file.path);
    const base = file.status === "added" ? null : show(refs.base, file.oldPath);
    // Over the limit or unreadable on a side that exists: leave the file to the diff-only checks.
    if (head === null || (base === null && file.status !== "added")) {
      const reason = `over the ${limits.maxBytes.toLocaleString("en-US")}-byte limit, or not readable from git`;
      contents.push({ path: file.path, base: null, head: null, skipped: reason });
      continue;
    }
    contents.push({ path: file.path, base, head });
  }
  return contents;
}
