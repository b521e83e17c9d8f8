import { describe, expect, it } from "vitest";
import { DashboardSessions } from "../../src/analytics/dashboard-sessions.ts";
import { readAnalyticsSettings } from "../../src/settings/analytics-settings.ts";

describe("DashboardSessions", () => {
  const token = "a-dashboard-token-of-32-characters";

  it("accepts only the exact token, as a form value or a bearer header", () => {
    const sessions = new DashboardSessions(token);
    expect(sessions.checkToken(token)).toBe(true);
    expect(sessions.checkToken(`${token}x`)).toBe(false);
    expect(sessions.checkToken("")).toBe(false);
    expect(sessions.checkBearer(`Bearer ${token}`)).toBe(true);
    expect(sessions.checkBearer(token)).toBe(false);
    expect(sessions.checkBearer(undefined)).toBe(false);
  });

  it("hands out random session ids that expire, and ends them on sign-out", () => {
    let now = 0;
    const sessions = new DashboardSessions(token, () => now);
    const a = sessions.create();
    const b = sessions.create();
    expect(a).not.toBe(b);
    expect(a).not.toContain(token);
    expect(sessions.valid(a)).toBe(true);
    sessions.end(b);
    expect(sessions.valid(b)).toBe(false);
    now = sessions.ttlMs + 1;
    expect(sessions.valid(a)).toBe(false);
    expect(sessions.valid("guessed")).toBe(false);
  });
});

describe("readAnalyticsSettings", () => {
  it("defaults to 180 days and no dashboard", () => {
    expect(readAnalyticsSettings({})).toEqual({ retentionDays: 180, dashboardToken: null });
  });

  it("says what is wrong with a bad retention or a short token", () => {
    expect(() => readAnalyticsSettings({ ANALYTICS_RETENTION_DAYS: "half a year" })).toThrow(
      'ANALYTICS_RETENTION_DAYS must be a whole number of days, at least 1; got "half a year"',
    );
    expect(() => readAnalyticsSettings({ DASHBOARD_TOKEN: "short" })).toThrow(
      /at least 16 characters; got 5/,
    );
    expect(
      readAnalyticsSettings({ ANALYTICS_RETENTION_DAYS: "30", DASHBOARD_TOKEN: "x".repeat(20) }),
    ).toEqual({
      retentionDays: 30,
      dashboardToken: "x".repeat(20),
    });
  });
});
