import { describe, expect, it } from "vitest";
import { handleTriageCommand } from "../../src/handlers/handle-triage-command.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";
import { receiveWith } from "./receive-with.ts";

type CommentPayload = {
  installation?: { id: number };
  issue: { number: number; pull_request?: unknown };
  comment: { id: number; body: string; performed_via_github_app?: unknown };
  sender: { login: string; type: string };
};

const deliver = (payload: CommentPayload) =>
  receiveWith("issue_comment", "issue_comment.created", payload, (context, enqueue) =>
    handleTriageCommand(context as never, enqueue, 1),
  );

function comment(body: string): CommentPayload {
  const payload = examplePayload<CommentPayload>("issue_comment", "created");
  payload.installation ??= { id: 1 };
  payload.issue.pull_request ??= { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
  payload.comment.body = body;
  payload.sender.type = "User";
  return payload;
}

describe("handleTriageCommand", () => {
  it("records `/triage` as a re-run and other commands for the job to read, with who asked", async () => {
    const rerun = comment("/triage");
    expect(await deliver(rerun)).toEqual([
      {
        delivery: { id: "delivery-1", event: "issue_comment.created" },
        requests: [
          {
            installationId: rerun.installation?.id,
            owner: "Codertocat",
            repo: "Hello-World",
            pullNumber: rerun.issue.number,
            headSha: null,
            headSeenAt: null,
            trigger: "command",
            requestedBy: { login: rerun.sender.login, commentId: rerun.comment.id },
          },
        ],
      },
    ]);
    const [ignore] = await deliver(comment("Noise.\n/triage ignore rule secrets/aws"));
    expect(ignore?.requests[0]?.trigger).toBe("comment_command");
  });

  it("ignores plain comments, issues that are not PRs, bots and this app's own comments", async () => {
    expect(await deliver(comment("Looks good to me"))).toEqual([]);
    const onIssue = comment("/triage");
    delete onIssue.issue.pull_request;
    expect(await deliver(onIssue)).toEqual([]);
    const bot = comment("/triage");
    bot.sender.type = "Bot";
    expect(await deliver(bot)).toEqual([]);
    const own = comment("/triage");
    own.comment.performed_via_github_app = { id: 1 };
    expect(await deliver(own)).toEqual([]);
  });
});
