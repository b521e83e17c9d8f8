import type { DiffFile } from "../diff/diff-model.ts";
import { scanSecrets } from "./scan-secrets.ts";

/** Shorter fragments would redact ordinary words along with the secret. */
const MIN_FRAGMENT_LENGTH = 8;

/**
 * The raw secret strings a PR adds, for redaction before any text leaves the process (the LLM
 * request, posted comments). A multi-line secret (a PEM key, a service-account JSON) is returned
 * line by line, because rendered diffs interleave its lines with `+` markers and line numbers.
 * Never put these values in a Finding, a log line or an error message.
 */
export async function findSecretValues(files: readonly DiffFile[]): Promise<string[]> {
  const values = new Set<string>();
  for (const hit of await scanSecrets(files)) {
    for (const fragment of hit.value.split(/\r?\n/)) {
      const trimmed = fragment.trim();
      if (trimmed.length >= MIN_FRAGMENT_LENGTH) values.add(trimmed);
    }
  }
  // Longest first, so a value that contains another is redacted whole.
  return [...values].sort((a, b) => b.length - a.length);
}
