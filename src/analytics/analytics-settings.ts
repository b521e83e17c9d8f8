export interface AnalyticsSettings {
  /** How long events, triages and feedback are kept (`ANALYTICS_RETENTION_DAYS`, default 180). */
  retentionDays: number;
  /** `DASHBOARD_TOKEN`: unset, /metrics and /dashboard answer 404. */
  dashboardToken: string | null;
}

const DEFAULT_RETENTION_DAYS = 180;
/** Shorter tokens are guessable; sign-in is not rate-limited per client. */
const MIN_TOKEN_LENGTH = 16;

export function readAnalyticsSettings(env: NodeJS.ProcessEnv): AnalyticsSettings {
  const rawDays = env.ANALYTICS_RETENTION_DAYS?.trim();
  const retentionDays = rawDays ? Number(rawDays) : DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(
      `ANALYTICS_RETENTION_DAYS must be a whole number of days, at least 1; got "${rawDays}". Unset it for the default (${DEFAULT_RETENTION_DAYS}).`,
    );
  }
  const token = env.DASHBOARD_TOKEN?.trim() || null;
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `DASHBOARD_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters; got ${token.length}. Generate one with \`openssl rand -hex 32\`, or unset it to turn /metrics and /dashboard off.`,
    );
  }
  return { retentionDays, dashboardToken: token };
}
