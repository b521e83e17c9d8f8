import { createHash } from "node:crypto";

/**
 * Link to one file in the PR's "Files changed" view. GitHub anchors each file at
 * `#diff-<sha256 hex of its path>`; the path is hashed as given, so renames use the new path.
 */
export function filesChangedUrl(repoUrl: string, pullNumber: number, path: string): string {
  return `${repoUrl}/pull/${pullNumber}/files#diff-${createHash("sha256").update(path).digest("hex")}`;
}
