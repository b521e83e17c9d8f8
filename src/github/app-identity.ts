import type { Octokit } from "./octokit.ts";

/** Who this app is on GitHub: what its own reviews and comments are recognised by. */
export interface AppIdentity {
  /** `APP_ID`; issue comments name the app that made them in `performed_via_github_app`. */
  appId: number | null;
  /** The app's bot account, `<slug>[bot]`: the author of everything the app posts. */
  login: string;
}

interface Authored {
  user?: { login?: string | null; type?: string | null } | null;
  performed_via_github_app?: { id?: number | null } | null;
}

/**
 * True only for what this app itself posted. Markers (`<!-- pr-triage:… -->`) are plain text
 * anyone can write: a PR author who pasted the review marker into their own review, or another
 * app's comment carrying the summary marker, must change nothing.
 */
export function isAppAuthored(item: Authored, identity: AppIdentity): boolean {
  // Issue comments name the app that made them; another app's comment is never ours.
  const viaApp = item.performed_via_github_app?.id;
  if (identity.appId !== null && viaApp !== undefined && viaApp !== null) return viaApp === identity.appId;
  // Reviews and review comments carry no app id: the author must be our bot account.
  const type = item.user?.type;
  return item.user?.login === identity.login && (type === undefined || type === null || type === "Bot");
}

/**
 * Reads the app's slug with the app's own JWT (`GET /app`). Installation tokens cannot ask, and
 * guessing the bot's login would let a look-alike account's markers count.
 */
export async function readAppIdentity(appOctokit: Octokit, appId: number | null): Promise<AppIdentity> {
  const { data } = await appOctokit.rest.apps.getAuthenticated();
  if (!data?.slug) {
    throw new Error(
      "GET /app answered without the app's slug, so this app cannot tell its own comments from others'. Check that APP_ID and the private key belong to a GitHub App.",
    );
  }
  return { appId: data.id ?? appId, login: `${data.slug}[bot]` };
}
