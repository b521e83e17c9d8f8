import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { syncRiskLabel } from "../../src/github/sync-risk-label.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const API = "https://api.github.com";
const octokit = testOctokit();
const repo = { owner: "acme", repo: "app" };

afterEach(() => nock.cleanAll());

describe("syncRiskLabel (label lifecycle)", () => {
  it("creates the label with its colour when the repo lacks it, then adds it", async () => {
    const scope = nock(API)
      .get("/repos/acme/app/labels/risk%3A%20critical")
      .reply(404)
      .post("/repos/acme/app/labels", {
        name: "risk: critical",
        color: "b60205",
        description: "PR Triage: critical risk",
      })
      .reply(201, {})
      .post("/repos/acme/app/issues/7/labels", { labels: ["risk: critical"] })
      .reply(200, []);
    const result = await syncRiskLabel(octokit, repo, 7, ["bug"], "critical");
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ added: "risk: critical", removed: [] });
  });

  it("removes the stale level when the level changes, leaving exactly one risk label", async () => {
    const scope = nock(API)
      .delete("/repos/acme/app/issues/7/labels/risk%3A%20high")
      .reply(200, [])
      .get("/repos/acme/app/labels/risk%3A%20low")
      .reply(200, {})
      .post("/repos/acme/app/issues/7/labels", { labels: ["risk: low"] })
      .reply(200, []);
    const result = await syncRiskLabel(octokit, repo, 7, ["risk: high", "docs"], "low");
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ added: "risk: low", removed: ["risk: high"] });
  });

  it("writes nothing when the right label is already the only one", async () => {
    nock.disableNetConnect();
    try {
      const result = await syncRiskLabel(octokit, repo, 7, ["risk: medium"], "medium");
      expect(result).toEqual({ added: null, removed: [] });
    } finally {
      nock.enableNetConnect();
    }
  });
});
