import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

describe("app.yml", () => {
  const manifest = parse(readFileSync(new URL("../app.yml", import.meta.url), "utf8")) as {
    default_permissions: Record<string, string>;
    default_events: string[];
  };

  it("asks only for the permissions PR Triage uses (least privilege)", () => {
    expect(manifest.default_permissions).toEqual({
      pull_requests: "write",
      checks: "write",
      contents: "read",
      issues: "write",
      metadata: "read",
      members: "read",
    });
  });

  it("subscribes to exactly the events the app handles", () => {
    expect([...manifest.default_events].sort()).toEqual([
      "check_run",
      "issue_comment",
      "pull_request",
      "pull_request_review",
      "pull_request_review_comment",
      "pull_request_review_thread",
    ]);
  });
});

describe("app.yml webhooks", () => {
  it("sets no webhook URL of its own, so Probot's setup uses WEBHOOK_PROXY_URL or this server", () => {
    const manifest = parse(readFileSync(new URL("../app.yml", import.meta.url), "utf8")) as Record<
      string,
      unknown
    >;
    expect(manifest).not.toHaveProperty("hook_attributes");
  });

  it("ships smee-client locally: Probot would otherwise try to fetch it with npx at run time", async () => {
    const { SmeeClient } = (await import("smee-client")) as { SmeeClient: unknown };
    expect(typeof SmeeClient).toBe("function");
  });
});
