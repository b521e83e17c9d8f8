import { describe, expect, it } from "vitest";
import { type FaultWorld, llmFinding, REPO_PATH, useFaultWorld } from "../helpers/fault-harness.ts";
import { waitFor } from "../helpers/server-process.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const OLD = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const NEW = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const T1 = "2024-03-01T10:00:00Z";
const T2 = "2024-03-01T10:05:00Z";

describe("duplicate, repeated and out-of-order deliveries (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  });

  const completed = (sha: string) => () =>
    world.github.checkRunsFor(sha).some((run) => run.status === "completed");
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it("processes a delivery id once, however often GitHub (or a human) redelivers it", async () => {
    world.github.setPull(2, OLD);
    await world.startApp();
    const payload = world.github.payload(2, "opened");
    const acks = await Promise.all([1, 2, 3].map(() => world.send("pull_request", "dup-1", payload)));
    expect(acks.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitFor(completed(OLD), `the completed check; output:\n${world.allOutput()}`);
    expect((await world.send("pull_request", "dup-1", payload)).status).toBe(200);
    await settle();
    await world.drained();

    expect(world.llm.requests).toHaveLength(1);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.checkRunsFor(OLD)).toHaveLength(1);
    expect(world.github.comments).toHaveLength(1);
  });

  it("triages a PR and head once for several deliveries about it, even late ones", async () => {
    world.github.setPull(2, OLD);
    await world.startApp();
    await Promise.all(
      ["opened", "reopened", "synchronize"].map((action, i) =>
        world.send("pull_request", `same-${i}`, world.github.payload(2, action)),
      ),
    );
    await waitFor(completed(OLD), `the completed check; output:\n${world.allOutput()}`);
    await world.send("pull_request", "same-late", world.github.payload(2, "synchronize"));
    await settle();
    await world.drained();

    expect(world.llm.requests).toHaveLength(1);
    expect(world.github.reviewsOn(2)).toHaveLength(1);
    expect(world.github.checkRunsFor(OLD)).toHaveLength(1);
  });

  it("out-of-order synchronize: a late delivery for an older head is never triaged", async () => {
    world.github.setPull(2, NEW, T2);
    await world.startApp();
    await world.send("pull_request", "ooo-new", world.github.payload(2, "synchronize"));
    await world.send(
      "pull_request",
      "ooo-old",
      world.github.payload(2, "synchronize", { sha: OLD, updatedAt: T1 }),
    );
    await waitFor(completed(NEW), `the completed check; output:\n${world.allOutput()}`);
    await settle();
    await world.drained();

    expect(world.github.reviews.map((r) => r.commitId)).toEqual([NEW]);
    expect(world.github.checkRunsFor(OLD)).toEqual([]);
    expect(world.llm.requests).toHaveLength(1);
  });

  it("a push during a triage supersedes it: the stale result is never posted", async () => {
    world.github.setPull(2, OLD, T1);
    world.answerLlm(() =>
      world.llm.requests.length === 1 ? { ...llmFinding(), delayMs: 1_500 } : llmFinding(),
    );
    await world.startApp({ OPENAI_TIMEOUT_MS: "10000" });
    await world.send("pull_request", "push-1", world.github.payload(2, "opened"));
    await waitFor(() => world.llm.requests.length === 1, "the first LLM request");
    world.github.setPull(2, NEW, T2);
    await world.send("pull_request", "push-2", world.github.payload(2, "synchronize"));
    await waitFor(completed(NEW), `the new head's completed check; output:\n${world.allOutput()}`);
    await world.drained();

    expect(world.github.reviews.map((r) => r.commitId)).toEqual([NEW]);
    expect(world.github.checkRunsFor(OLD)).toMatchObject([
      { status: "completed", conclusion: "neutral", output: { title: "Superseded by a newer push" } },
    ]);
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.comments[0]?.body).toContain(NEW.slice(0, 7));
  });

  it("ignores events the app caused itself", async () => {
    await world.startApp();
    const comment = examplePayload<{
      comment: { body: string; performed_via_github_app: unknown; user: Record<string, unknown> };
      issue: { pull_request?: unknown };
      sender: Record<string, unknown>;
    }>("issue_comment", "created");
    comment.comment.body = "/triage";
    comment.comment.performed_via_github_app = { id: 1, slug: "pr-triage" };
    comment.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/1` };
    expect((await world.send("issue_comment", "own-1", comment)).status).toBe(200);
    await settle();
    expect(await world.healthz()).toMatchObject({ status: "ok", queue: { depth: 0 } });
    expect(world.github.http.requests).toEqual([]);
  });
});
