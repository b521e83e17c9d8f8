import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JobOctokit } from "../../src/github/job-octokit.ts";
import type { Octokit } from "../../src/github/octokit.ts";
import { paceWrites } from "../../src/github/pace-writes.ts";
import { WritePacer } from "../../src/github/write-pacer.ts";
import { FakeHttpServer } from "../helpers/fake-http-server.ts";

const REVIEWS = "/repos/o/r/pulls/1/reviews";

describe("JobOctokit and paceWrites", () => {
  let github: FakeHttpServer;
  let octokit: Octokit;
  let answers: { status: number; headers?: Record<string, string>; body?: unknown }[];

  beforeEach(async () => {
    answers = [];
    github = new FakeHttpServer().route(() => answers.shift() ?? { status: 200, body: [] });
    const host = await github.start();
    octokit = new JobOctokit({
      auth: { token: "ghs_unit" },
      baseUrl: `http://${host}`,
      // Keep Octokit's own retries, only faster.
      retry: { retryAfterBaseValue: 1 },
    }) as unknown as Octokit;
  });
  afterEach(async () => {
    await github.stop();
  });

  it("never re-sends a POST after a 5xx: the job's next attempt re-reads GitHub instead", async () => {
    answers.push({ status: 502, body: { message: "Bad Gateway" } });
    await expect(
      octokit.rest.pulls.createReview({ owner: "o", repo: "r", pull_number: 1, event: "COMMENT", body: "x" }),
    ).rejects.toMatchObject({ status: 502 });
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("still retries a POST that cannot create a duplicate, like adding a label", async () => {
    answers.push({ status: 502, body: { message: "Bad Gateway" } }, { status: 200, body: [] });
    await octokit.rest.issues.addLabels({ owner: "o", repo: "r", issue_number: 1, labels: ["risk: low"] });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /repos/o/r/issues/1/labels",
      "POST /repos/o/r/issues/1/labels",
    ]);
  });

  it("still retries a read after a 5xx", async () => {
    answers.push({ status: 502, body: { message: "Bad Gateway" } }, { status: 200, body: [] });
    await octokit.rest.pulls.listReviews({ owner: "o", repo: "r", pull_number: 1 });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${REVIEWS}`, `GET ${REVIEWS}`]);
  });

  it("does not sleep through a rate limit inside the request: the error reaches the job at once", async () => {
    answers.push({ status: 429, headers: { "retry-after": "30" }, body: { message: "Too Many Requests" } });
    await expect(
      octokit.rest.pulls.listReviews({ owner: "o", repo: "r", pull_number: 1 }),
    ).rejects.toMatchObject({
      status: 429,
    });
    expect(github.requests).toHaveLength(1);
  });

  it("paces writes per installation and holds them after a secondary rate limit", async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new WritePacer(
      { perMinute: 80, perHour: 500 },
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    paceWrites(octokit, pacer, 7);
    answers.push({
      status: 403,
      headers: { "retry-after": "2" },
      body: { message: "You have exceeded a secondary rate limit" },
    });
    const review = { owner: "o", repo: "r", pull_number: 1, event: "COMMENT" as const, body: "x" };
    await expect(octokit.rest.pulls.createReview(review)).rejects.toMatchObject({ status: 403 });
    // The pause is set from the wall clock; move the fake clock to it.
    now = Date.now();
    await octokit.rest.pulls.listReviews({ owner: "o", repo: "r", pull_number: 1 });
    expect(waits).toEqual([]);
    await octokit.rest.pulls.createReview(review);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1_000);
    expect(waits[0]).toBeLessThanOrEqual(2_000);
  });
});
