import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/** What a route answers. Fault tests can delay the answer, or drop the connection without one. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow or hung upstream). */
  delayMs?: number;
  /** Close the socket instead of answering (a connection reset). */
  destroy?: boolean;
  /** Hold the answer until this settles: a test decides when an upstream may answer. */
  until?: Promise<unknown>;
}

type Route = (req: RecordedRequest) => FakeAnswer | undefined;

/**
 * A local HTTP fake (GitHub as GHE serves it under `/api/v3`, or an OpenAI-compatible LLM), for tests that
 * run the real server process. It records every request and answers from the given routes.
 */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: Route[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
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
    for (const timer of this.#timers) clearTimeout(timer);
    this.#server?.closeAllConnections();
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
      if (answer.until) await answer.until;
      if (answer.delayMs) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.#timers.delete(timer);
            resolve();
          }, answer.delayMs);
          this.#timers.add(timer);
        });
        // The client gave up (a timeout, or a killed process): there is no one left to answer.
        if (res.destroyed || req.socket.destroyed) return;
      }
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
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
