import { describe, expect, it } from "vitest";
import { readQueueSettings } from "../../src/settings/read-queue-settings.ts";

describe("readQueueSettings", () => {
  it("defaults to GitHub's secondary limits and ./.data", () => {
    expect(readQueueSettings({})).toEqual({
      dataDir: "./.data",
      concurrency: 2,
      retry: { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 600_000 },
      writes: { perMinute: 80, perHour: 500 },
      shutdownTimeoutMs: 25_000,
    });
  });

  it("reads overrides", () => {
    expect(
      readQueueSettings({
        DATA_DIR: "/var/lib/pr-triage",
        QUEUE_CONCURRENCY: "4",
        GITHUB_WRITES_PER_HOUR: "400",
      }),
    ).toMatchObject({ dataDir: "/var/lib/pr-triage", concurrency: 4, writes: { perHour: 400 } });
  });

  it("says what it expected and how to fix a bad value", () => {
    expect(() => readQueueSettings({ QUEUE_CONCURRENCY: "two" })).toThrow(
      'QUEUE_CONCURRENCY must be a whole number of at least 1, got "two". Unset it to use 2.',
    );
  });
});
