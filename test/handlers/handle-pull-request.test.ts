import { describe, expect, it } from "vitest";
import { handlePullRequest } from "../../src/handlers/handle-pull-request.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";
import { receiveWith } from "./receive-with.ts";

type PullPayload = {
  installation?: { id: number };
  pull_request: {
    number: number;
    head: { sha: string };
    updated_at: string;
    performed_via_github_app?: unknown;
  };
};

const deliver = (payload: PullPayload, appId: number | null = 1) =>
  receiveWith("pull_request", "pull_request.opened", payload, (context, enqueue) =>
    handlePullRequest(context as never, enqueue, appId),
  );

describe("handlePullRequest", () => {
  it("records one job for the PR at the head the event names, and nothing else", async () => {
    const payload = examplePayload<PullPayload>("pull_request", "opened");
    expect(await deliver(payload)).toEqual([
      {
        delivery: { id: "delivery-1", event: "pull_request.opened" },
        requests: [
          {
            installationId: payload.installation?.id,
            owner: "Codertocat",
            repo: "Hello-World",
            pullNumber: payload.pull_request.number,
            headSha: payload.pull_request.head.sha,
            headSeenAt: payload.pull_request.updated_at,
            trigger: "pull_request",
            requestedBy: null,
          },
        ],
      },
    ]);
  });

  it("ignores a PR this app opened itself, and an event without an installation", async () => {
    const own = examplePayload<PullPayload>("pull_request", "opened");
    own.pull_request.performed_via_github_app = { id: 1 };
    expect(await deliver(own)).toEqual([]);
    // Another app's PR is exactly what must be triaged.
    expect(await deliver(own, 2)).toHaveLength(1);
    const orphan = examplePayload<PullPayload>("pull_request", "opened");
    delete orphan.installation;
    expect(await deliver(orphan)).toEqual([]);
  });
});
