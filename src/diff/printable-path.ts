/**
 * File names come from the PR author, and git allows newlines in them: written raw, one could
 * forge a `## File:` line or a numbered diff line. Control characters are escaped instead.
 */
export function printablePath(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return /[\u0000-\u001f\u007f]/.test(path) ? JSON.stringify(path) : path;
}
