import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import { publishReview, type ReviewComment } from "../../src/github/publish-review.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const API = "https://api.github.com";
const PATH = "/repos/acme/app/pulls/7/reviews";
const octokit = testOctokit();
const repo = { owner: "acme", repo: "app" };

function comment(line: number): ReviewComment {
  return {
    finding: { title: `f${line}` } as Finding,
    path: "a.ts",
    line,
    side: "RIGHT",
    startLine: null,
    body: `c${line}`,
  };
}

afterEach(() => nock.cleanAll());

describe("publishReview", () => {
  it("posts one COMMENT review for the head SHA, marked so a retry can find it", async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(API)
      .post(PATH, (b) => {
        body = b;
        return true;
      })
      .reply(200, { id: 1 });
    const outcome = await publishReview(octokit, repo, 7, "abc123", "hello", [comment(3)], []);
    expect(scope.isDone()).toBe(true);
    expect(outcome).toMatchObject({ status: "posted", reviewId: 1, rejected: [] });
    expect(body).toMatchObject({
      event: "COMMENT",
      commit_id: "abc123",
      comments: [{ path: "a.ts", line: 3, side: "RIGHT" }],
    });
    expect(body.body).toContain("<!-- pr-triage:review abc123 -->");
  });

  it("posts nothing when a review with this head's marker already exists (a 502 hid a success)", async () => {
    nock.disableNetConnect();
    try {
      const outcome = await publishReview(
        octokit,
        repo,
        7,
        "abc123",
        "hello",
        [comment(3)],
        [{ id: 9, body: "<!-- pr-triage:review abc123 -->\nearlier" }],
      );
      expect(outcome).toEqual({ status: "already-posted", reviewId: 9 });
    } finally {
      nock.enableNetConnect();
    }
  });

  it("on a 422, re-posts once without inline comments and hands them back for the summary", async () => {
    const bodies: Record<string, unknown>[] = [];
    const scope = nock(API)
      .post(PATH, (b) => {
        bodies.push(b);
        return true;
      })
      .reply(422, { message: "Line could not be resolved" })
      .post(PATH, (b) => {
        bodies.push(b);
        return true;
      })
      .reply(200, { id: 2 });
    const outcome = await publishReview(octokit, repo, 7, "abc123", "hello", [comment(3), comment(4)], []);
    expect(scope.isDone()).toBe(true);
    expect(bodies.map((b) => (b.comments as unknown[]).length)).toEqual([2, 0]);
    expect(outcome).toMatchObject({ status: "posted", reviewId: 2, posted: [] });
    expect(outcome.status === "posted" && outcome.rejected.map((c) => c.line)).toEqual([3, 4]);
  });

  it("does not loop: a second failure surfaces to the caller", async () => {
    nock(API).post(PATH).reply(422, { message: "no" }).post(PATH).reply(422, { message: "still no" });
    await expect(publishReview(octokit, repo, 7, "abc123", "hello", [comment(3)], [])).rejects.toMatchObject({
      status: 422,
    });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
