import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { listCommentFeedback } from "../../src/github/list-comment-feedback.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const API = "https://api.github.com";
const PATH = "/repos/Codertocat/Hello-World/pulls/2/comments";
const ours = (id: number, line: number | null, up: number, down: number) => ({
  id,
  body: `<!-- pr-triage:fp:${String(id).padStart(16, "0")} -->\nfinding`,
  user: { login: "pr-triage[bot]", type: "Bot" },
  line,
  reactions: { "+1": up, "-1": down },
});

describe("listCommentFeedback", () => {
  afterEach(() => nock.cleanAll());

  it("ignores another bot's comment that carries our fingerprint marker (a marker is easy to copy)", async () => {
    const scope = nock(API)
      .get(PATH)
      .query({ per_page: 100 })
      .reply(200, [
        ours(1, 12, 2, 0),
        { ...ours(2, 5, 9, 9), user: { login: "other-app[bot]", type: "Bot" } },
      ]);
    const feedback = await listCommentFeedback(
      testOctokit(),
      { owner: "Codertocat", repo: "Hello-World" },
      2,
      1_000,
      { appId: 1, login: "pr-triage[bot]" },
    );
    expect(scope.isDone()).toBe(true);
    expect(feedback.map((f) => f.commentId)).toEqual([1]);
  });

  it("reads reactions and the outdated state of the app's own comments only, at most 3 pages", async () => {
    const page = (n: number) => `<${API}${PATH}?per_page=100&page=${n}>; rel="next"`;
    const scope = nock(API)
      .get(PATH)
      .query({ per_page: 100 })
      .reply(200, [ours(1, 12, 2, 0), { ...ours(2, 5, 9, 9), user: { login: "mallory", type: "User" } }], {
        link: page(2),
      })
      .get(PATH)
      .query({ per_page: 100, page: 2 })
      .reply(200, [ours(3, null, 0, 1)], { link: page(3) })
      .get(PATH)
      .query({ per_page: 100, page: 3 })
      .reply(200, [ours(4, 7, 0, 0)], { link: page(4) });
    const feedback = await listCommentFeedback(
      testOctokit(),
      { owner: "Codertocat", repo: "Hello-World" },
      2,
      1_000,
      { appId: 1, login: "pr-triage[bot]" },
    );
    expect(scope.isDone()).toBe(true);
    expect(feedback.map((f) => [f.commentId, f.thumbsUp, f.thumbsDown, f.addressed])).toEqual([
      [1, 2, 0, false],
      [3, 0, 1, true],
      [4, 0, 0, false],
    ]);
    expect(feedback[0]).toMatchObject({
      repo: "Codertocat/Hello-World",
      pullNumber: 2,
      fingerprint: "0000000000000001",
      at: 1_000,
    });
  });
});
