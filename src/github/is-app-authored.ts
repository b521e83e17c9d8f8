/** Who this app is on GitHub: its id (`APP_ID`) and its bot user's login (`<slug>[bot]`). */
export interface AppIdentity {
  id: number | null;
  botLogin: string | null;
}

interface Authored {
  user?: { login?: string; type?: string } | null;
  performed_via_github_app?: { id?: number } | null;
}

/**
 * True only for comments and reviews this app wrote: markers and fingerprints in anything else
 * (a user quoting our comment, another bot) must change nothing. Issue comments say which app
 * made them; review comments do not, so there the author must be our bot user.
 */
export function isAppAuthored(item: Authored, app: AppIdentity): boolean {
  const viaApp = item.performed_via_github_app?.id;
  if (app.id !== null && viaApp !== undefined) return viaApp === app.id;
  return app.botLogin !== null && item.user?.type === "Bot" && item.user.login === app.botLogin;
}
