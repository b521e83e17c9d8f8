import { describe, expect, it } from "vitest";
import { type FlowPayload, flowFromWebhook } from "../../src/analytics/flow-from-webhook.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const NOW = Date.UTC(2026, 11, 1);
const map = (
  event: string,
  action: string,
  edit: (p: Record<string, Record<string, unknown>>) => void = () => {},
) => {
  const payload = examplePayload<Record<string, Record<string, unknown>>>(event, action);
  edit(payload);
  return flowFromWebhook(event, "delivery-1", payload as unknown as FlowPayload, NOW);
};

describe("flowFromWebhook (real payloads from @octokit/webhooks-examples)", () => {
  it("records an opened PR at its creation time, marking drafts", () => {
    const record = map("pull_request", "opened", (p) => Object.assign(p.pull_request ?? {}, { draft: true }));
    expect(record).toMatchObject({
      kind: "event",
      pull: {
        repo: "Codertocat/Hello-World",
        pullNumber: 2,
        author: "Codertocat",
        title: "Update the README with new information.",
      },
      event: {
        id: "delivery-1",
        kind: "opened",
        at: Date.parse("2019-05-15T15:20:33Z"),
        actor: "Codertocat",
        detail: "draft",
      },
    });
  });

  it("tells a merge from a close", () => {
    const merged = map("pull_request", "closed", (p) =>
      Object.assign(p.pull_request ?? {}, { merged: true, merged_at: "2019-05-16T10:00:00Z" }),
    );
    expect(merged).toMatchObject({ event: { kind: "merged", at: Date.parse("2019-05-16T10:00:00Z") } });
    const closed = map("pull_request", "closed", (p) =>
      Object.assign(p.pull_request ?? {}, { merged: false, closed_at: "2019-05-16T11:00:00Z" }),
    );
    expect(closed).toMatchObject({ event: { kind: "closed", at: Date.parse("2019-05-16T11:00:00Z") } });
  });

  it("records reviews with their state, and review comments, by their author", () => {
    expect(map("pull_request_review", "submitted")).toMatchObject({
      event: { kind: "review", actor: "Codertocat", actorIsBot: false, detail: "commented" },
    });
    expect(map("pull_request_review_comment", "created")).toMatchObject({
      event: { kind: "review_comment", actor: "Codertocat" },
    });
  });

  it("records comments on PRs only, flagging bots", () => {
    const onPr = map("issue_comment", "created", (p) => {
      Object.assign(p.issue ?? {}, { pull_request: { url: "https://api.github.com/repos/x/y/pulls/1" } });
      Object.assign(p.comment ?? {}, { user: { login: "renovate[bot]", type: "Bot" } });
    });
    expect(onPr).toMatchObject({ event: { kind: "comment", actor: "renovate[bot]", actorIsBot: true } });
    expect(map("issue_comment", "created", (p) => delete p.issue?.pull_request)).toBeNull();
  });

  it("keys a requested team as team:slug", () => {
    const record = map("pull_request", "opened", (p) => {
      p.action = "review_requested" as never;
      p.requested_team = { slug: "security" };
    });
    expect(record).toMatchObject({ event: { kind: "review_requested", detail: "team:security" } });
  });

  it("records a resolved thread only for the app's own fingerprinted comments", () => {
    const body = "<!-- pr-triage:fp:0123456789abcdef -->\nfinding";
    const ours = map("pull_request_review_thread", "resolved", (p) => {
      const thread = p.thread as { comments: Record<string, unknown>[] };
      thread.comments = [
        { ...thread.comments[0], id: 42, body, user: { login: "pr-triage[bot]", type: "Bot" } },
        { ...thread.comments[0], id: 43, body, user: { login: "mallory", type: "User" } },
      ];
    });
    expect(ours).toEqual({
      kind: "resolution",
      resolution: {
        repo: "Codertocat/Hello-World",
        pullNumber: 2,
        comments: [{ commentId: 42, fingerprint: "0123456789abcdef" }],
        resolved: true,
        at: NOW,
      },
    });
    expect(map("pull_request_review_thread", "resolved")).toBeNull();
  });
});
