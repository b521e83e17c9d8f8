import { describe, expect, it } from "vitest";
import { type FaultWorld, llmFinding, REPO_PATH, useFaultWorld } from "../helpers/fault-harness.ts";
import { waitFor } from "../helpers/server-process.ts";

const HEAD = "1111111111111111111111111111111111111111";

describe("crashes and restarts (real server process, kill -9 and SIGTERM)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  }, HEAD);

  const completed = (sha: string) => () =>
    world.github.checkRunsFor(sha).some((run) => run.status === "completed");

  it("kill -9 while the LLM is answering, then restart: the job resumes and posts exactly one review", async () => {
    world.answerLlm(() =>
      world.llm.requests.length === 1 ? { ...llmFinding(), delayMs: 30_000 } : llmFinding(),
    );
    await world.startApp({ OPENAI_TIMEOUT_MS: "20000" });
    expect((await world.send("pull_request", "crash-1", world.github.payload(2, "opened"))).status).toBe(200);
    await waitFor(() => world.llm.requests.length === 1, "the first LLM request");
    expect(world.github.checkRunsFor(HEAD)).toMatchObject([{ status: "in_progress" }]);

    await world.kill();
    await world.startApp();
    await waitFor(completed(HEAD), `the completed check; output:\n${world.allOutput()}`);

    expect(world.github.reviewsOn(2)).toHaveLength(1);
    // The check run the killed attempt opened was reused, not stacked.
    expect(world.github.checkRunsFor(HEAD)).toMatchObject([{ status: "completed" }]);
    expect(world.llm.requests).toHaveLength(2);
    expect(world.app.output()).toContain("resuming jobs interrupted by a crash or restart");
  });

  it("kill -9 after the review landed: the retry finds it by its marker and posts no second one", async () => {
    let hang = true;
    world.github.fault((req) =>
      hang && req.method === "POST" && req.path === `${REPO_PATH}/issues/2/comments`
        ? { status: 201, body: { id: 1 }, delayMs: 30_000 }
        : undefined,
    );
    await world.startApp();
    await world.send("pull_request", "crash-2", world.github.payload(2, "opened"));
    await waitFor(
      () =>
        world.github.http.requests.some(
          (r) => r.method === "POST" && r.path === `${REPO_PATH}/issues/2/comments`,
        ),
      "the summary comment request",
    );
    expect(world.github.reviewsOn(2)).toHaveLength(1);

    await world.kill();
    hang = false;
    await world.startApp();
    await waitFor(completed(HEAD), `the completed check; output:\n${world.allOutput()}`);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.checkRunsFor(HEAD)).toHaveLength(1);
  });

  it("SIGTERM lets the running job finish, keeps the queued one for the next start, and exits 0", async () => {
    const other = "3333333333333333333333333333333333333333";
    world.github.setPull(3, other);
    world.answerLlm(() => ({ ...llmFinding(), delayMs: 1_000 }));
    await world.startApp({ QUEUE_CONCURRENCY: "1" });
    await world.send("pull_request", "term-2", world.github.payload(2, "opened"));
    await world.send("pull_request", "term-3", world.github.payload(3, "opened"));
    await waitFor(() => world.llm.requests.length === 1, "the first LLM request");

    expect(await world.terminate()).toBe(0);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.checkRunsFor(other)).toEqual([]);
    expect(world.allOutput()).toContain("shutdown complete");

    await world.startApp();
    await waitFor(completed(other), `PR 3's completed check; output:\n${world.allOutput()}`);
    expect(world.github.reviewsOn(3)).toHaveLength(1);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
  });

  it("SIGTERM past the deadline leaves the unfinished job queued; the next start completes it once", async () => {
    world.answerLlm(() =>
      world.llm.requests.length === 1 ? { ...llmFinding(), delayMs: 30_000 } : llmFinding(),
    );
    await world.startApp({ SHUTDOWN_TIMEOUT_MS: "300", OPENAI_TIMEOUT_MS: "20000" });
    await world.send("pull_request", "deadline-1", world.github.payload(2, "opened"));
    await waitFor(() => world.llm.requests.length === 1, "the first LLM request");

    expect(await world.terminate()).toBe(0);
    expect(world.allOutput()).toContain(
      "shutdown deadline reached: unfinished jobs stay queued for the next start",
    );
    expect(world.github.reviewsOn(2)).toEqual([]);

    await world.startApp();
    await waitFor(completed(HEAD), `the completed check; output:\n${world.allOutput()}`);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.checkRunsFor(HEAD)).toHaveLength(1);
  });
});
