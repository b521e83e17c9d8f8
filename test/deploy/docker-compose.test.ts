import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs where these tests run: this checks that the scaled deployment is
// well-formed YAML and wired together as the README describes, not that the images start.
const root = new URL("../../", import.meta.url);
const compose = parse(readFileSync(new URL("docker-compose.yml", root), "utf8"), { merge: true }) as {
  services: Record<
    string,
    { image?: string; build?: string; environment?: Record<string, string>; depends_on?: unknown }
  >;
};
const nginx = readFileSync(new URL("deploy/nginx.conf", root), "utf8");

describe("docker-compose.yml (the scaled deployment)", () => {
  const apps = Object.entries(compose.services).filter(([, service]) => service.build === ".");

  it("runs two app replicas on one PostgreSQL database", () => {
    expect(apps.map(([name]) => name)).toEqual(["app-1", "app-2"]);
    for (const [, app] of apps) {
      expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/pr_triage:.*@postgres:5432\/pr_triage$/);
      expect(app.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    }
    expect(compose.services.postgres?.image).toMatch(/^postgres:\d+$/);
  });

  it("balances webhooks over both replicas with nginx, failing over on 502/503", () => {
    expect(compose.services.lb?.image).toMatch(/^nginx:/);
    for (const [name] of apps) expect(nginx).toContain(`server ${name}:3000`);
    expect(nginx).toMatch(/proxy_next_upstream error timeout http_502 http_503 non_idempotent;/);
  });
});
