type AppAuthored = { performed_via_github_app?: { id?: unknown } | null } | undefined;

/**
 * True when this app caused the event (its summary comment, say): reacting to it could loop.
 * Bots in general are not ignored, since PRs opened by agents are exactly what must be triaged.
 */
export function isOwnEvent(payload: object, appId: number | null): boolean {
  if (appId === null) return false;
  const { comment, issue, pull_request } = payload as Record<string, AppAuthored>;
  return [comment, issue, pull_request].some((item) => item?.performed_via_github_app?.id === appId);
}
