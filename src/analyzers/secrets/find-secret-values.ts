import type { DiffFile } from "../../diff/diff-model.ts";
import { type SecretHit, scanSecrets } from "./scan-secrets.ts";

/** Shorter fragments would redact ordinary words along with the secret. */
const MIN_FRAGMENT_LENGTH = 8;

/**
 * The raw secret strings a PR adds, for redaction before any text leaves the process (the LLM
 * request, posted comments). A multi-line secret (a PEM key, a service-account JSON) is returned
 * line by line, because rendered diffs interleave its lines with `+` markers and line numbers.
 * Never put these values in a Finding, a log line or an error message.
 */
export async function findSecretValues(files: readonly DiffFile[]): Promise<string[]> {
  return secretValues(await scanSecrets(files));
}

/** {@link findSecretValues} over a scan already made. */
export function secretValues(hits: readonly SecretHit[]): string[] {
  const values = new Set<string>();
  for (const hit of hits) {
    for (const fragment of hit.value.split(/\r?\n/)) {
      const trimmed = fragment.trim();
      if (trimmed.length >= MIN_FRAGMENT_LENGTH) values.add(trimmed);
    }
  }
  // Longest first: the order no longer matters for correctness (ranges are merged), only for reading.
  return [...values].sort((a, b) => b.length - a.length);
}
