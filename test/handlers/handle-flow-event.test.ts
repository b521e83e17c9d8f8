import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import type { AnalyticsStore } from "../../src/analytics/analytics-store.ts";
import { handleFlowEvent } from "../../src/handlers/handle-flow-event.ts";
import { TEST_PRIVATE_KEY } from "../helpers/test-key.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

/** A store that records the calls the handler makes, or fails each one when `failing`. */
function fakeStore(failing = false) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      if (failing) throw new Error("disk full");
      return true;
    };
  const store = {
    recordEvent: record("recordEvent"),
    recordThreadResolution: record("recordThreadResolution"),
  } as unknown as AnalyticsStore;
  return { store, calls };
}

async function deliver(name: string, payload: object, store: AnalyticsStore): Promise<void> {
  const probot = new Probot({ appId: 1, privateKey: TEST_PRIVATE_KEY, logLevel: "silent" as "info" });
  await probot.load((app) => {
    app.on(["pull_request.opened", "issue_comment.created"], (context) => handleFlowEvent(context, store));
  });
  await probot.receive({ id: "flow-1", name, payload } as never);
}

describe("handleFlowEvent", () => {
  it("records a PR's opening under the delivery id, from the payload alone", async () => {
    const payload = examplePayload<{ pull_request: { number: number; user: { login: string } } }>(
      "pull_request",
      "opened",
    );
    const { store, calls } = fakeStore();
    await deliver("pull_request", payload, store);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe("recordEvent");
    expect(calls[0]?.args).toMatchObject([
      { repo: "Codertocat/Hello-World", pullNumber: payload.pull_request.number },
      { id: "flow-1", kind: "opened", actor: payload.pull_request.user.login },
    ]);
  });

  it("records nothing for a comment on a plain issue, and survives a failing store", async () => {
    const onIssue = examplePayload<{ issue: { pull_request?: unknown } }>("issue_comment", "created");
    delete onIssue.issue.pull_request;
    const quiet = fakeStore();
    await deliver("issue_comment", onIssue, quiet.store);
    expect(quiet.calls).toEqual([]);

    const failing = fakeStore(true);
    await expect(
      deliver("pull_request", examplePayload("pull_request", "opened"), failing.store),
    ).resolves.toBeUndefined();
    expect(failing.calls.map((call) => call.method)).toEqual(["recordEvent"]);
  });
});
