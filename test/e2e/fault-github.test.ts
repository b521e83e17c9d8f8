import { describe, expect, it } from "vitest";
import type { RecordedRequest } from "../helpers/fake-http-server.ts";
import {
  type FaultWorld,
  INSTALLATION_TOKEN,
  REPO_PATH,
  secretsInLogs,
  useFaultWorld,
} from "../helpers/fault-harness.ts";
import { waitFor } from "../helpers/server-process.ts";

const HEAD = "cccccccccccccccccccccccccccccccccccccccc";
const REVIEWS = `${REPO_PATH}/pulls/2/reviews`;

/** Log lines (JSON in production) whose message is `msg`. */
function logLines(output: string, msg: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}

describe("GitHub faults (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  }, HEAD);

  const completed = () => world.github.checkRunsFor(HEAD).some((run) => run.status === "completed");
  const isPost = (req: RecordedRequest, path: string) => req.method === "POST" && req.path === path;

  it("a 502 after the review was created: no blind re-POST, and the retry finds the review by its marker", async () => {
    let failed = false;
    world.github.fault((req) => {
      if (failed || !isPost(req, REVIEWS)) return undefined;
      failed = true;
      world.github.answer(req); // the review lands on GitHub...
      return { status: 502, body: { message: "Bad Gateway" } }; // ...but the answer is lost
    });
    await world.startApp({ LOG_LEVEL: "debug" });
    await world.send("pull_request", "gh-502", world.github.payload(2, "opened"));
    await waitFor(completed, `the completed check; output:\n${world.allOutput()}`);
    await world.drained();

    expect(world.github.http.requests.filter((req) => isPost(req, REVIEWS))).toHaveLength(1);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.checkRunsFor(HEAD)).toMatchObject([{ status: "completed" }]);
    expect(world.github.checkRunsFor(HEAD)[0]?.conclusion).not.toBe("failure");
    expect(logLines(world.allOutput(), "job attempt failed; it will be retried")).toMatchObject([
      {
        delivery: "gh-502",
        installation: 1,
        repo: "Codertocat/Hello-World",
        pr: 2,
        head: HEAD,
        attempt: 1,
        reason: expect.stringContaining(`GitHub answered 502 to POST ${REVIEWS}`),
      },
    ]);
    // The positive control for the log scan in afterEach: it does catch a token.
    expect(await secretsInLogs(`{"msg":"auth","token":"${INSTALLATION_TOKEN}"}`)).toContain(
      INSTALLATION_TOKEN,
    );
  });

  it("secondary rate limits (403 and 429 with retry-after) requeue the job for as long as GitHub asks", async () => {
    const limited = new Set<string>();
    world.github.fault((req) => {
      if (isPost(req, `${REPO_PATH}/check-runs`) && !limited.has("403")) {
        limited.add("403");
        return {
          status: 403,
          headers: { "retry-after": "1" },
          body: {
            message:
              "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          },
        };
      }
      if (isPost(req, `${REPO_PATH}/issues/2/comments`) && !limited.has("429")) {
        limited.add("429");
        return { status: 429, headers: { "retry-after": "1" }, body: { message: "Too Many Requests" } };
      }
      return undefined;
    });
    await world.startApp({ LOG_LEVEL: "debug" });
    await world.send("pull_request", "gh-limit", world.github.payload(2, "opened"));
    await waitFor(completed, `the completed check; output:\n${world.allOutput()}`);
    await world.drained();

    const retries = logLines(world.allOutput(), "job attempt failed; it will be retried");
    expect(retries.map((line) => [line.retryInMs, line.reason])).toEqual([
      [
        1_000,
        expect.stringContaining(
          `GitHub answered 403 to POST ${REPO_PATH}/check-runs: You have exceeded a secondary rate limit`,
        ),
      ],
      [1_000, expect.stringContaining(`GitHub answered 429 to POST ${REPO_PATH}/issues/2/comments`)],
    ]);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.checkRunsFor(HEAD)).toHaveLength(1);
  });

  it("GitHub failing on every attempt: the job fails with its reason, and the check run says so", async () => {
    world.github.fault((req) =>
      isPost(req, REVIEWS) ? { status: 502, body: { message: "Bad Gateway" } } : undefined,
    );
    await world.startApp();
    await world.send("pull_request", "gh-down", world.github.payload(2, "opened"));
    await waitFor(completed, `the completed check; output:\n${world.allOutput()}`);
    // The check is closed first, then the job is recorded as failed and logged.
    await world.drained();
    await waitFor(() => world.allOutput().includes("job failed for good"), "the failure log line");

    const [check] = world.github.checkRunsFor(HEAD);
    expect(check).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "Triage failed: needs human review" },
    });
    expect(check?.output?.summary).toContain(
      `PR Triage could not finish after 4 attempts: gave up after 4 attempts; the last one failed: GitHub answered 502 to POST ${REVIEWS}`,
    );
    expect(world.github.checkRunsFor(HEAD)).toHaveLength(1);
    expect(logLines(world.allOutput(), "job failed for good")).toMatchObject([
      {
        delivery: "gh-down",
        pr: 2,
        head: HEAD,
        attempts: 4,
        reason: expect.stringContaining("gave up after 4 attempts"),
      },
    ]);
    expect(await world.healthz()).toMatchObject({ queue: { depth: 0, failed: 1 } });
  });

  it("an error that would only repeat (404) fails the job at once, never leaving the check in progress", async () => {
    world.github.fault((req) =>
      req.method === "GET" && req.path.startsWith(`${REPO_PATH}/pulls/2/files`)
        ? { status: 404, body: { message: "Not Found" } }
        : undefined,
    );
    await world.startApp();
    await world.send("pull_request", "gh-404", world.github.payload(2, "opened"));
    await waitFor(completed, `the completed check; output:\n${world.allOutput()}`);

    expect(world.github.checkRunsFor(HEAD)).toMatchObject([{ conclusion: "failure" }]);
    expect(world.github.checkRunsFor(HEAD)[0]?.output?.summary).toContain(
      `after 1 attempt: GitHub answered 404 to GET ${REPO_PATH}/pulls/2/files`,
    );
    expect(world.llm.requests).toEqual([]);
  });
});
