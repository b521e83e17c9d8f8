import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { CheckRunLifecycle } from "../../src/triage/check-run-lifecycle.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const API = "https://api.github.com";
const REPO = { owner: "acme", repo: "app" };
const HEAD = "a".repeat(40);

afterEach(() => nock.cleanAll());

/** Every PATCH to check run `id`, as GitHub received it. */
function recordUpdates(id: number): { conclusion?: string; output: { title: string; summary: string } }[] {
  const bodies: { conclusion?: string; output: { title: string; summary: string } }[] = [];
  nock(API)
    .patch(`/repos/acme/app/check-runs/${id}`, (body) => {
      bodies.push(body);
      return true;
    })
    .reply(200, {});
  return bodies;
}

describe("CheckRunLifecycle", () => {
  it("opens a check at the head and records its id before anything else", async () => {
    const created = nock(API)
      .post("/repos/acme/app/check-runs", (body) => body.head_sha === HEAD && body.name === "PR Triage")
      .reply(201, { id: 41 });
    const recorded: number[] = [];
    const check = new CheckRunLifecycle(testOctokit(), REPO, {
      id: null,
      opened: async (id) => {
        recorded.push(id);
      },
    });
    await check.open(HEAD);
    expect(created.isDone()).toBe(true);
    expect(recorded).toEqual([41]);
    const updates = recordUpdates(41);
    await check.complete("success", { title: "Risk 5/100 (low)", summary: "s" });
    expect(updates).toMatchObject([{ conclusion: "success", output: { title: "Risk 5/100 (low)" } }]);
  });

  it("reuses the check an earlier attempt opened instead of stacking a second one", async () => {
    // No POST is mocked: creating a check would fail the test with nock's "no match".
    const recorded: number[] = [];
    const check = new CheckRunLifecycle(testOctokit(), REPO, {
      id: 7,
      opened: async (id) => {
        recorded.push(id);
      },
    });
    await check.open(HEAD);
    expect(recorded).toEqual([7]);
  });

  it("closes an earlier attempt's check as superseded, skipped or failed, each saying why", async () => {
    const known = { id: 9, opened: async () => {} };
    let updates = recordUpdates(9);
    await new CheckRunLifecycle(testOctokit(), REPO, known).supersede(`${"b".repeat(7)}${"0".repeat(33)}`);
    expect(updates[0]).toMatchObject({
      conclusion: "neutral",
      output: { title: "Superseded by a newer push" },
    });
    expect(updates[0]?.output.summary).toContain("bbbbbbb");

    updates = recordUpdates(9);
    await new CheckRunLifecycle(testOctokit(), REPO, known).skip("skipped-closed");
    expect(updates[0]).toMatchObject({ conclusion: "neutral", output: { title: "Triage skipped" } });
    expect(updates[0]?.output.summary).toContain("(skipped-closed)");

    updates = recordUpdates(9);
    await new CheckRunLifecycle(testOctokit(), REPO, known).fail(1, `boom ${"x".repeat(5_000)}`);
    expect(updates[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "Triage failed: needs human review" },
    });
    expect(updates[0]?.output.summary).toContain("after 1 attempt: boom");
    // The reason is cut, so a huge error can't push the summary past GitHub's cap.
    expect(updates[0]?.output.summary.length).toBeLessThan(2_300);
  });

  it("does nothing when no check was ever opened for the job", async () => {
    // Nothing is mocked: any request would fail with nock's "no match".
    nock.disableNetConnect();
    const check = new CheckRunLifecycle(testOctokit(), REPO, { id: null, opened: async () => {} });
    await check.skip("disabled");
    await check.fail(3, "gone");
    await check.supersede();
    expect(nock.pendingMocks()).toEqual([]);
  });
});
