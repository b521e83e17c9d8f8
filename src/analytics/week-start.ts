const DAY_MS = 86_400_000;

/** The Monday (UTC) starting the week that contains `at`, as `YYYY-MM-DD`. */
export function weekStart(at: number): string {
  const day = new Date(at).getUTCDay();
  const monday = Math.floor(at / DAY_MS) * DAY_MS - ((day + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}
