const TOKEN_CHAR = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+/=~:-")
  TOKEN_CHAR[ch.charCodeAt(0)] = 1;

/**
 * The runs of token characters (letters, digits, `_.+/=~:-`) at least `minLength` long, joined
 * by newlines. A character loop: the equivalent regex retries at every position of every short
 * word, which made it the costliest step of a 3,000-file secret scan.
 */
export function tokenRuns(content: string, minLength: number): string {
  const runs: string[] = [];
  let start = -1;
  for (let index = 0; index <= content.length; index++) {
    const code = index < content.length ? content.charCodeAt(index) : 32;
    if (code < 128 && TOKEN_CHAR[code] === 1) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (index - start >= minLength) runs.push(content.slice(start, index));
      start = -1;
    }
  }
  return runs.join("\n");
}
