import { describe, expect, it } from "vitest";
import { type FaultWorld, useFaultWorld } from "../helpers/fault-harness.ts";

describe("/healthz tells the truth (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  }, "dddddddddddddddddddddddddddddddddddddddd");

  const poll = async (until: () => Promise<boolean>, what: string): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (!(await until())) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; output:\n${world.allOutput()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const health = async () => {
    const response = await fetch(`${world.app.baseUrl}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("answers 503 degraded, with the reason, while GitHub refuses to mint installation tokens", {
    timeout: 40_000,
  }, async () => {
    // What GitHub answers when the app's JWT is signed with a key that is not the app's.
    world.github.fault((req) =>
      req.method === "POST" && /\/access_tokens$/.test(req.path)
        ? { status: 401, body: { message: "A JSON web token could not be decoded" } }
        : undefined,
    );
    await world.startApp();
    expect((await health()).status).toBe(200);

    await world.send("pull_request", "health-401", world.github.payload(2, "opened"));
    await poll(async () => (await health()).status === 503, "a degraded /healthz");

    const { body } = await health();
    expect(body.status).toBe("degraded");
    expect(String(body.problems)).toMatch(/installation tokens cannot be minted: .*JSON web token/);
    expect(String(body.problems)).toContain("Check APP_ID and the private key");
  });

  it("lists an uninstalled installation without failing the probe", { timeout: 40_000 }, async () => {
    world.github.fault((req) =>
      req.method === "POST" && /\/app\/installations\/1\/access_tokens$/.test(req.path)
        ? { status: 404, body: { message: "Not Found" } }
        : undefined,
    );
    await world.startApp();
    await world.send("pull_request", "health-404", world.github.payload(2, "opened"));
    await poll(
      async () => Array.isArray((await health()).body.unavailableInstallations),
      "the installation listed",
    );
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.unavailableInstallations).toEqual([
      { installationId: 1, reason: expect.stringContaining("Not Found") },
    ]);
  });
});
