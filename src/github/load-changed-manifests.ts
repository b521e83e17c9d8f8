import type { FileContents } from "../analyzers/analyzer.ts";
import {
  CONTENTS_LIMITS,
  type ContentsLimits,
  type SkippedContents,
} from "../analyzers/dependencies/contents-limits.ts";
import { isDependencyFile } from "../analyzers/dependencies/is-dependency-file.ts";
import type { DiffFile } from "../diff/diff-model.ts";
import { errorMessage } from "../errors/error-message.ts";
import { httpStatus } from "../errors/http-status.ts";
import { getRawFile } from "./get-raw-file.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export interface LoadedManifests {
  contents: FileContents[];
  /** Files the dependency checks read from the diff only: over the limits, or unreadable. */
  skipped: SkippedContents[];
}

/**
 * Reads each changed manifest, lockfile and `.gitmodules` at the PR's base and head SHAs through
 * the contents API (raw media type), at most `maxFiles` files and `maxBytes` per side. Anything
 * past a limit, or that GitHub will not serve, is skipped and reported, never an error: the
 * dependency checks then fall back to the diff for that file.
 */
export async function loadChangedManifests(
  octokit: Octokit,
  repo: RepoRef,
  files: readonly DiffFile[],
  shas: { base: string; head: string },
  limits: ContentsLimits = CONTENTS_LIMITS,
): Promise<LoadedManifests> {
  const wanted = files.filter((file) => file.status !== "removed" && isDependencyFile(file.path));
  const skipped: SkippedContents[] = wanted
    .slice(limits.maxFiles)
    .map((file) => ({ path: file.path, reason: `over the ${limits.maxFiles}-file limit` }));
  const contents: FileContents[] = [];
  for (const file of wanted.slice(0, limits.maxFiles)) {
    try {
      const base =
        file.status === "added" ? null : await read(octokit, repo, file.oldPath, shas.base, limits);
      const head = await read(octokit, repo, file.path, shas.head, limits);
      // A side the diff says exists but GitHub does not have would make every entry look new.
      if (head === null || (base === null && file.status !== "added")) {
        skipped.push({ path: file.path, reason: `not found at ${head === null ? "head" : "base"}` });
        continue;
      }
      contents.push({ path: file.path, base, head });
    } catch (error) {
      skipped.push({ path: file.path, reason: errorMessage(error) });
    }
  }
  // The analyzers see the skips too, so the summary can say which files were read from the diff only.
  return {
    contents: [
      ...contents,
      ...skipped.map(({ path, reason }) => ({ path, base: null, head: null, skipped: reason })),
    ],
    skipped,
  };
}

/** The file's text at `ref`; `null` when it does not exist there (a file new on this side). */
async function read(
  octokit: Octokit,
  repo: RepoRef,
  path: string,
  ref: string,
  limits: ContentsLimits,
): Promise<string | null> {
  let data: unknown;
  try {
    data = await getRawFile(octokit, repo, path, ref);
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw new Error(`GitHub could not serve it at ${ref.slice(0, 7)} (${describe(error)})`);
  }
  if (typeof data !== "string")
    throw new Error(`expected a file at ${ref.slice(0, 7)}, found a folder or submodule`);
  const bytes = Buffer.byteLength(data);
  if (bytes > limits.maxBytes) {
    throw new Error(
      `${bytes.toLocaleString("en-US")} bytes at ${ref.slice(0, 7)}, over the ${limits.maxBytes.toLocaleString("en-US")}-byte limit`,
    );
  }
  return data;
}

function describe(error: unknown): string {
  const status = httpStatus(error);
  return typeof status === "number"
    ? `HTTP ${status}`
    : error instanceof Error
      ? error.message
      : String(error);
}
