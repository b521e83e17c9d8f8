import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { credentialProblems } from "../src/github/credential-problems.ts";
import { normalizePrivateKey } from "../src/github/normalize-private-key.ts";
import { startupProblems } from "../src/settings/startup-problems.ts";
import { TEST_PRIVATE_KEY } from "./helpers/test-key.ts";

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

describe("app credentials at start-up", () => {
  const pem = TEST_PRIVATE_KEY.trim();
  const asSetupWritesIt = `"${pem.replaceAll("\n", "\\n")}"`;

  it("accepts the key with real newlines, or quoted with literal \\n as setup and --env-file leave it", () => {
    expect(normalizePrivateKey(asSetupWritesIt)).toBe(pem);
    expect(normalizePrivateKey(`'${pem}'`)).toBe(pem);
    expect(credentialProblems({ NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: asSetupWritesIt })).toEqual(
      [],
    );
  });

  it("names the variable and what is wrong, never the key", () => {
    const broken = pem.replace(/\n[A-Za-z0-9+/]{10}/, "\n!!!");
    const problems = credentialProblems({ APP_ID: "1", PRIVATE_KEY: broken });
    expect(problems).toEqual([
      expect.stringMatching(/^PRIVATE_KEY is not a PEM private key that can be parsed/),
    ]);
    expect(problems[0]).not.toContain(pem.split("\n")[2]);
    expect(credentialProblems({ APP_ID: "1", PRIVATE_KEY_PATH: "/nonexistent/key.pem" })[0]).toMatch(
      /PRIVATE_KEY_PATH points at "\/nonexistent\/key.pem", which cannot be read \(ENOENT\)/,
    );
  });

  it("in production, asks for APP_ID and the key with the way to get them; outside it, allows setup mode", () => {
    expect(credentialProblems({ NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^APP_ID is not set while NODE_ENV=production\. Register the app first/),
      expect.stringMatching(/^PRIVATE_KEY \(or PRIVATE_KEY_PATH\) is not set/),
    ]);
    expect(credentialProblems({})).toEqual([]);
  });

  it("makes the real entry point list the problems and exit 1, without Probot's stack trace", () => {
    const result = spawnSync(process.execPath, ["src/main.ts"], {
      cwd: new URL("../", import.meta.url).pathname,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        WEBHOOK_SECRET: "a-real-secret",
        APP_ID: "1",
        PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\\nnot a key\\n-----END RSA PRIVATE KEY-----",
        PORT: "0",
      },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pr-triage cannot start:\n {2}- PRIVATE_KEY is not a PEM private key/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
