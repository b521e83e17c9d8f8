import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { CLI_GROUPS, readSettings } from "../../src/settings/read-settings.ts";
import { captureIo } from "../cli/temp-git-repo.ts";

describe("readSettings: one reader of the environment, for the server and the CLI", () => {
  it("returns every group typed, with the documented defaults, when nothing is set", () => {
    const read = readSettings({});
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.settings.llm).toBeNull();
    expect(read.settings.queue.concurrency).toBe(2);
    expect(read.settings.store.databaseUrl).toBeNull();
    expect(read.settings.recovery.intervalMs).toBe(300_000);
    expect(read.settings.analytics.retentionDays).toBe(180);
    expect(read.settings.github).toEqual({
      host: undefined,
      webHost: "github.com",
      protocol: "https",
      token: undefined,
    });
    expect(read.settings.server).toEqual({ production: false, appId: null });
  });

  it("lists every problem at once, each with what was expected, what was found and the fix", () => {
    const read = readSettings({
      GHE_PROTOCOL: "ftp",
      OPENAI_BASE_URL: "not a url",
      QUEUE_CONCURRENCY: "two",
      RECOVERY_MAX_PULLS: "-1",
      DASHBOARD_TOKEN: "short",
    });
    expect(read).toEqual({
      ok: false,
      problems: [
        'GHE_PROTOCOL must be "http" or "https", got "ftp".',
        'OPENAI_BASE_URL must be a URL such as https://api.openai.com/v1, got "not a url".',
        'QUEUE_CONCURRENCY must be a whole number of at least 1, got "two". Unset it to use 2.',
        'RECOVERY_MAX_PULLS must be a whole number of at least 1, got "-1". Unset it to use 100.',
        expect.stringMatching(/^DASHBOARD_TOKEN must be at least 16 characters; got 5\./),
      ],
    });
  });

  it("checks for the CLI only what it reads: a server-only variable does not stop `review`", () => {
    expect(readSettings({ QUEUE_CONCURRENCY: "two", DATABASE_URL: "mysql://x" }, CLI_GROUPS).ok).toBe(true);
    expect(readSettings({ OPENAI_TIMEOUT_MS: "soon" }, CLI_GROUPS)).toEqual({
      ok: false,
      problems: [
        'OPENAI_TIMEOUT_MS must be a whole number of at least 0, got "soon". Unset it to use 120000.',
      ],
    });
  });

  it("makes `pr-triage review` refuse a malformed endpoint before any work, as the server's start-up does", async () => {
    const capture = captureIo("/nonexistent", {
      OPENAI_API_KEY: "k",
      OPENAI_BASE_URL: "//127.0.0.1:11434/v1",
    });
    expect(await runCli(["review"], capture.io)).toBe(1);
    expect(capture.stderr()).toBe(
      'pr-triage: the environment is not valid:\n  - OPENAI_BASE_URL must be a URL such as https://api.openai.com/v1, got "//127.0.0.1:11434/v1".\n',
    );
  });
});
