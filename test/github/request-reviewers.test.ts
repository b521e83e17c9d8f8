import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { requestReviewers } from "../../src/github/request-reviewers.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const API = "https://api.github.com";
const PATH = "/repos/acme/app/pulls/7/requested_reviewers";
const octokit = testOctokit();
const repo = { owner: "acme", repo: "app" };

afterEach(() => nock.cleanAll());

describe("requestReviewers", () => {
  it("requests users and teams in one call", async () => {
    const scope = nock(API)
      .post(PATH, { reviewers: ["alice"], team_reviewers: ["seniors"] })
      .reply(201, {});
    const outcome = await requestReviewers(octokit, repo, 7, {
      users: ["alice"],
      teams: ["seniors"],
      reasons: [
        { reviewer: "@alice", reason: "routing.high" },
        { reviewer: "team seniors", reason: "routing.high" },
      ],
      skipped: [],
    });
    expect(scope.isDone()).toBe(true);
    expect(outcome.requested.map((r) => r.reviewer)).toEqual(["@alice", "team seniors"]);
    expect(outcome.failed).toEqual([]);
  });

  it("reports a team that does not exist instead of crashing, and still asks the others", async () => {
    const scope = nock(API)
      .post(PATH, { reviewers: ["alice"], team_reviewers: ["ghosts"] })
      .reply(422, { message: "Reviews may only be requested from collaborators." })
      .post(PATH, { reviewers: ["alice"] })
      .reply(201, {})
      .post(PATH, { team_reviewers: ["ghosts"] })
      .reply(422, { message: "Reviews may only be requested from collaborators." });
    const outcome = await requestReviewers(octokit, repo, 7, {
      users: ["alice"],
      teams: ["ghosts"],
      reasons: [
        { reviewer: "@alice", reason: "routing.critical" },
        { reviewer: "team ghosts", reason: "routing.critical" },
      ],
      skipped: [],
    });
    expect(scope.isDone()).toBe(true);
    expect(outcome.requested).toEqual([{ reviewer: "@alice", reason: "routing.critical" }]);
    expect(outcome.failed).toEqual([
      { reviewer: "team ghosts", reason: expect.stringMatching(/collaborators.*check the team slug/) },
    ]);
  });

  it("makes no request when there is nobody to ask", async () => {
    const outcome = await requestReviewers(octokit, repo, 7, {
      users: [],
      teams: [],
      reasons: [],
      skipped: [{ reviewer: "@bob", reason: "author of the PR" }],
    });
    expect(outcome).toEqual({
      requested: [],
      failed: [],
      skipped: [{ reviewer: "@bob", reason: "author of the PR" }],
    });
  });
});
