/**
 * The known key closest to a misspelled one (`maxComments` → `maxInlineComments`), or null when
 * none is close enough to be a plausible typo.
 */
export function suggestKey(unknown: string, known: readonly string[]): string | null {
  const wanted = unknown.toLowerCase();
  let best: { key: string; score: number } | null = null;
  for (const key of known) {
    const candidate = key.toLowerCase();
    // A shortened or abbreviated key is a strong hint even when the edit distance is large.
    const contained =
      (wanted.length >= 4 && isSubsequence(wanted, candidate)) ||
      (candidate.length >= 4 && isSubsequence(candidate, wanted));
    const distance = editDistance(wanted, candidate);
    const score = contained ? Math.min(distance, 1) : distance;
    if (score <= Math.max(2, Math.floor(candidate.length / 3)) && (best === null || score < best.score)) {
      best = { key, score };
    }
  }
  return best?.key ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const char of long) if (char === short[i]) i++;
  return i === short.length;
}
