import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startupProblems } from "../src/startup-check.ts";

describe("start-up checks", () => {
  it("refuse production without a real webhook secret, and say how to fix it", () => {
    for (const secret of [undefined, "", "development"]) {
      const problems = startupProblems({
        NODE_ENV: "production",
        ...(secret === undefined ? {} : { WEBHOOK_SECRET: secret }),
      });
      expect(problems).toEqual([
        expect.stringMatching(/WEBHOOK_SECRET is unset or 'development'.*openssl rand -hex 32/),
      ]);
    }
    expect(startupProblems({ NODE_ENV: "production", WEBHOOK_SECRET: "a-real-secret" })).toEqual([]);
    // Outside production Probot's development default is fine (local setup and tests).
    expect(startupProblems({})).toEqual([]);
  });

  it("reject malformed GHE and LLM endpoints", () => {
    expect(startupProblems({ GHE_PROTOCOL: "ftp" })).toEqual([
      'GHE_PROTOCOL must be "http" or "https", got "ftp".',
    ]);
    expect(startupProblems({ OPENAI_BASE_URL: "not a url" })[0]).toMatch(/OPENAI_BASE_URL must be a URL/);
  });

  it("makes the real entry point exit 1 before listening", () => {
    const result = spawnSync(process.execPath, ["src/main.ts"], {
      cwd: new URL("../", import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", APP_ID: "1", PORT: "0" },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("pr-triage cannot start");
    expect(result.stderr).toContain("WEBHOOK_SECRET");
    expect(result.stdout).not.toContain("Listening");
  });
});
