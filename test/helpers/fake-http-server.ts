import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

type Route = (
  req: RecordedRequest,
) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

/**
 * A local HTTP fake (GitHub as GHE serves it under `/api/v3`, or an OpenAI-compatible LLM), for tests that
 * run the real server process. It records every request and answers from the given routes.
 */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: Route[] = [];
  #server: Server | undefined;

  route(route: Route): this {
    this.#routes.push(route);
    return this;
  }

  async start(): Promise<string> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: (req.url ?? "/").replace(/^\/api\/v3/, ""),
      body: text ? safeJson(text) : null,
    };
    this.requests.push(recorded);
    for (const route of this.#routes) {
      const answer = route(recorded);
      if (!answer) continue;
      const isText = typeof answer.body === "string";
      res.writeHead(answer.status, {
        "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
        ...answer.headers,
      });
      res.end(isText ? answer.body : JSON.stringify(answer.body ?? {}));
      return;
    }
    res
      .writeHead(404, { "content-type": "application/json; charset=utf-8" })
      .end(JSON.stringify({ message: "Not Found" }));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
