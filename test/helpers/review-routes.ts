import { type PostedComment, whyUnprocessable } from "./commentable-lines.ts";
import type { FakeAnswer, RecordedRequest } from "./fake-http-server.ts";
import { type FakeGitHub, REPO_PATH } from "./fault-harness.ts";

/** Our bot, as GitHub names it; `GET /app` answers with this slug. */
export const BOT = { login: "pr-triage[bot]", type: "Bot" } as const;

export interface FakeFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  patch: string;
}

export interface StoredReviewComment {
  id: number;
  pull: number;
  body: string;
  path: string;
  line: number;
  user: { login: string; type: string };
  in_reply_to_id?: number;
}

/**
 * What a reviewer does around a triage, on top of the fault suite's fake GitHub: per-PR files, a
 * base-branch config, collaborator permissions, replies and reactions on inline comments, and a
 * review endpoint that refuses (422) any comment GitHub could not place on the diff, as GitHub
 * does, so an off-hunk comment or suggestion never counts as posted.
 */
export class ReviewRoutes {
  readonly files = new Map<number, FakeFile[]>();
  readonly permissions = new Map<string, string>();
  readonly reactions: { on: "issue" | "review"; commentId: number; content: string }[] = [];
  readonly replies: { commentId: number; body: string }[] = [];
  readonly issueComments = new Map<
    number,
    { id: number; body: string; user: { login: string; type: string } }
  >();
  readonly rejectedReviews: { reason: string; body: Record<string, unknown> }[] = [];
  config: string | null = null;
  #nextId = 50_000;

  readonly github: FakeGitHub;

  constructor(github: FakeGitHub) {
    this.github = github;
    github.fault((req) => this.answer(req));
  }

  /** A human's reply on one of the inline comments (`/triage ignore`, say). */
  reply(pull: number, to: StoredReviewComment, body: string, login: string): StoredReviewComment {
    const comment: StoredReviewComment = {
      id: this.#id(),
      pull,
      body,
      path: to.path,
      line: to.line,
      user: { login, type: "User" },
      in_reply_to_id: to.id,
    };
    this.github.reviewComments.push(comment);
    return comment;
  }

  /** A human's PR comment (`/triage ignore rule …`). */
  comment(body: string, login: string): { id: number; body: string } {
    const comment = { id: this.#id(), body, user: { login, type: "User" } };
    this.issueComments.set(comment.id, comment);
    return comment;
  }

  inlineComments(pull: number): StoredReviewComment[] {
    return (this.github.reviewComments as StoredReviewComment[]).filter(
      (c) => c.pull === pull && c.user === BOT,
    );
  }

  #id(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  /** The answer to one request, or undefined to leave it to the fault suite's fake. */
  answer(req: RecordedRequest): FakeAnswer | undefined {
    const url = req.path.replace(/\?.*$/, "");
    if (req.method === "GET" && url === "/app") return { status: 200, body: { id: 1, slug: "pr-triage" } };
    if (!url.startsWith(REPO_PATH)) return undefined;
    const rest = url.slice(REPO_PATH.length);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.method === "GET" && rest === "/contents/.github%2Fpr-triage.yml") {
      return this.config === null ? undefined : { status: 200, body: this.config };
    }
    const permission = /^\/collaborators\/([^/]+)\/permission$/.exec(rest);
    if (req.method === "GET" && permission) {
      const level = this.permissions.get(decodeURIComponent(permission[1] ?? "")) ?? "read";
      return { status: 200, body: { permission: level, role_name: level, user: { login: permission[1] } } };
    }
    const reaction = /^\/(issues|pulls)\/comments\/(\d+)\/reactions$/.exec(rest);
    if (req.method === "POST" && reaction) {
      this.reactions.push({
        on: reaction[1] === "issues" ? "issue" : "review",
        commentId: Number(reaction[2]),
        content: String(body.content),
      });
      return { status: 201, body: { id: this.#id(), content: body.content } };
    }
    const reviewComment = /^\/pulls\/comments\/(\d+)$/.exec(rest);
    if (req.method === "GET" && reviewComment) {
      const found = this.github.reviewComments.find((c) => c.id === Number(reviewComment[1]));
      return found ? { status: 200, body: found } : { status: 404, body: { message: "Not Found" } };
    }
    const issueComment = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (req.method === "GET" && issueComment) {
      const found = this.issueComments.get(Number(issueComment[1]));
      return found ? { status: 200, body: found } : undefined;
    }
    const replyTo = /^\/pulls\/(\d+)\/comments\/(\d+)\/replies$/.exec(rest);
    if (req.method === "POST" && replyTo) {
      this.replies.push({ commentId: Number(replyTo[2]), body: String(body.body) });
      return { status: 201, body: { id: this.#id() } };
    }
    const pull = /^\/pulls\/(\d+)(\/files|\/reviews)$/.exec(rest);
    const files = pull ? this.files.get(Number(pull[1])) : undefined;
    if (!pull || !files) return undefined;
    if (req.method === "GET" && pull[2] === "/files") return { status: 200, body: files };
    if (req.method === "POST" && pull[2] === "/reviews")
      return this.#postReview(Number(pull[1]), files, body);
    return undefined;
  }

  #postReview(number: number, files: FakeFile[], body: Record<string, unknown>): FakeAnswer {
    const patches = new Map(files.map((file) => [file.filename, file.patch]));
    const comments = (body.comments ?? []) as PostedComment[];
    for (const comment of comments) {
      const reason = whyUnprocessable(comment, patches);
      if (reason) {
        this.rejectedReviews.push({ reason, body });
        return {
          status: 422,
          body: { message: "Unprocessable Entity", errors: [`Line could not be resolved: ${reason}`] },
        };
      }
    }
    const review = {
      id: this.#id(),
      pull: number,
      commitId: String(body.commit_id),
      body: String(body.body),
    };
    this.github.reviews.push(review);
    for (const comment of comments) {
      const stored: StoredReviewComment = {
        id: this.#id(),
        pull: number,
        body: comment.body,
        path: comment.path,
        line: comment.line,
        user: BOT,
      };
      this.github.reviewComments.push(stored);
    }
    return { status: 200, body: { id: review.id } };
  }
}
