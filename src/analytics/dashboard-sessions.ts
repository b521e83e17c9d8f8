import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const SESSION_TTL_MS = 12 * 3_600_000;

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

/**
 * Dashboard sign-in. The token is compared in constant time (hashes of equal length, so neither
 * its length nor its content leaks through timing), and a session is a random id kept in memory
 * with an expiry: the cookie never carries the token. A restart signs everyone out.
 */
export class DashboardSessions {
  readonly #tokenDigest: Buffer;
  readonly #sessions = new Map<string, number>();
  readonly #now: () => number;

  constructor(token: string, now: () => number = Date.now) {
    this.#tokenDigest = digest(token);
    this.#now = now;
  }

  readonly ttlMs = SESSION_TTL_MS;

  checkToken(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.#tokenDigest);
  }

  /** `Authorization: Bearer <token>`, for /metrics. */
  checkBearer(header: string | undefined): boolean {
    const match = /^Bearer (.+)$/i.exec(header ?? "");
    return match?.[1] !== undefined && this.checkToken(match[1].trim());
  }

  create(): string {
    this.#sweep();
    const id = randomBytes(32).toString("base64url");
    this.#sessions.set(id, this.#now() + SESSION_TTL_MS);
    return id;
  }

  valid(id: string | undefined): boolean {
    if (!id) return false;
    const expires = this.#sessions.get(id);
    if (expires === undefined) return false;
    if (expires > this.#now()) return true;
    this.#sessions.delete(id);
    return false;
  }

  end(id: string | undefined): void {
    if (id) this.#sessions.delete(id);
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, expires] of this.#sessions) if (expires <= now) this.#sessions.delete(id);
  }
}
