import { createHash } from "node:crypto";

/**
 * Identifies a (normalized) code line in the summary state without storing it: the state is
 * readable by anyone who can read the PR, and a line may hold something the redaction missed.
 * `""` (no line) stays `""`.
 */
export function codeHash(code: string): string {
  return code === "" ? "" : createHash("sha256").update(code).digest("hex").slice(0, 16);
}
