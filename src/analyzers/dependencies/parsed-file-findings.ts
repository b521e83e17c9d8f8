import type { Finding } from "../../findings/finding.ts";
import type { FileContents } from "../analyzer.ts";
import { lockfileEntryFindings } from "./lockfile-entry-findings.ts";
import { manifestFindings } from "./manifest-findings.ts";
import { isParsedLockfile, parseLockfileEntries } from "./parse-lockfile-entries.ts";
import { parseManifest } from "./parse-manifest.ts";

/**
 * Dependency findings from a manifest or lockfile parsed at base and head, or `null` when the
 * texts cannot be read that way (unknown kind, or a side that does not parse), so the caller
 * falls back to reading the diff.
 */
export function parsedFileFindings(texts: FileContents, allowedHosts: readonly string[]): Finding[] | null {
  if (texts.head === null) return null;
  if (isParsedLockfile(texts.path)) {
    const head = parseLockfileEntries(texts.path, texts.head);
    const base = texts.base === null ? null : parseLockfileEntries(texts.path, texts.base);
    if (head === null || (texts.base !== null && base === null)) return null;
    return lockfileEntryFindings(texts.path, base, head, texts.head, allowedHosts);
  }
  const head = parseManifest(texts.path, texts.head);
  const base = texts.base === null ? null : parseManifest(texts.path, texts.base);
  if (!head || (texts.base !== null && !base)) return null;
  return manifestFindings(texts.path, base ?? null, head);
}
