import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { completeCheckRun } from "../../src/github/complete-check-run.ts";
import type { CheckAnnotation } from "../../src/render/render-annotations.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const API = "https://api.github.com";
const octokit = testOctokit();

afterEach(() => nock.cleanAll());

describe("completeCheckRun", () => {
  it("sends annotations in batches of at most 50, completing the check in the first request", async () => {
    const annotations: CheckAnnotation[] = Array.from({ length: 120 }, (_, i) => ({
      path: "a.ts",
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: "warning",
      title: `t${i}`,
      message: "m",
    }));
    const bodies: { status?: string; conclusion?: string; output: { annotations: CheckAnnotation[] } }[] = [];
    const scope = nock(API)
      .patch("/repos/acme/app/check-runs/5", (body) => {
        bodies.push(body);
        return true;
      })
      .times(3)
      .reply(200, {});
    await completeCheckRun(
      octokit,
      { owner: "acme", repo: "app" },
      5,
      "action_required",
      { title: "Risk 90/100 (critical)", summary: "s" },
      annotations,
    );
    expect(scope.isDone()).toBe(true);
    expect(bodies.map((b) => b.output.annotations.length)).toEqual([50, 50, 20]);
    expect(bodies[0]).toMatchObject({ status: "completed", conclusion: "action_required" });
    expect(bodies[1]).not.toHaveProperty("conclusion");
    expect(bodies.flatMap((b) => b.output.annotations.map((a) => a.start_line))).toEqual(
      annotations.map((a) => a.start_line),
    );
  });
});
