import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhooks } from "@octokit/webhooks";

/** Starts `node src/main.ts`, the same entry point as `npm start`, and waits until it listens. */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  const child = spawn(process.execPath, ["src/main.ts"], {
    cwd: new URL("../../", import.meta.url).pathname,
    // The compile cache (V8 code and stripped TypeScript) nearly halves each start after the first.
    env: {
      PATH: process.env.PATH ?? "",
      NODE_COMPILE_CACHE: join(tmpdir(), "pr-triage-compile-cache"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const deadline = Date.now() + 15_000;
  while (!output.includes("Listening on")) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Sends a webhook delivery signed as GitHub signs it (HMAC-SHA256 of the raw body). */
export async function sendWebhook(
  url: string,
  secret: string,
  event: string,
  deliveryId: string,
  payload: unknown,
  signature?: string,
): Promise<Response> {
  const body = JSON.stringify(payload);
  const signed = await new Webhooks({ secret }).sign(body);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": deliveryId,
      "x-hub-signature-256": signature ?? signed,
    },
    body,
  });
}

export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
