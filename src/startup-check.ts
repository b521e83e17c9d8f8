/**
 * Refuses configurations that would run insecurely. Probot silently falls back to the secret
 * "development" when WEBHOOK_SECRET is unset, which in production lets anyone forge webhooks.
 */
export function startupProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  const secret = env.WEBHOOK_SECRET?.trim();
  if (production && (!secret || secret === "development")) {
    problems.push(
      "WEBHOOK_SECRET is unset or 'development' while NODE_ENV=production. Set WEBHOOK_SECRET to the webhook secret of your GitHub App (a long random string, e.g. `openssl rand -hex 32`).",
    );
  }
  if (env.GHE_PROTOCOL && !["http", "https"].includes(env.GHE_PROTOCOL)) {
    problems.push(`GHE_PROTOCOL must be "http" or "https", got "${env.GHE_PROTOCOL}".`);
  }
  if (env.OPENAI_BASE_URL) {
    try {
      new URL(env.OPENAI_BASE_URL);
    } catch {
      problems.push(
        `OPENAI_BASE_URL must be a URL such as https://api.openai.com/v1, got "${env.OPENAI_BASE_URL}".`,
      );
    }
  }
  return problems;
}
