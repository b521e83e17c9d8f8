/**
 * A safe stand-in for a secret in findings and logs: enough to find it again (a vendor prefix
 * like `ghp_` and the length), never enough to use it. Short values show nothing at all.
 */
export function maskSecret(value: string): string {
  const firstLine = value.split("\n", 1)[0] ?? "";
  const shown = value.length >= 16 ? firstLine.slice(0, 4).replace(/`/g, "'") : "";
  return `${shown}${"*".repeat(8)} (${value.length} chars)`;
}
