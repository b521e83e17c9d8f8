/**
 * The HTTP status an error carries (Octokit's `RequestError`, the openai SDK's `APIError`, a
 * fetch wrapper's), or undefined for errors that never reached an HTTP answer.
 */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}
