/**
 * The private key as Probot needs it: PEM text with real newlines. Probot's setup page writes
 * `PRIVATE_KEY="-----BEGIN…\n…"` with quotes and literal `\n`; `docker run --env-file` keeps the
 * quotes, and the key then fails to parse on the first job ("Invalid character"). Both forms are
 * accepted here.
 */
export function normalizePrivateKey(raw: string): string {
  let key = raw.trim();
  const quote = key[0];
  if ((quote === '"' || quote === "'") && key.endsWith(quote) && key.length >= 2) key = key.slice(1, -1);
  return key.replace(/\\r\\n|\\n/g, "\n").trim();
}
