import { describe, expect, it } from "vitest";
import { handleReviewCommentCommand } from "../../src/handlers/handle-review-comment-command.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";
import { receiveWith } from "./receive-with.ts";

type ReviewCommentPayload = {
  installation?: { id: number };
  pull_request: { number: number };
  comment: { id: number; body: string };
  sender: { login: string; type: string };
};

const deliver = (payload: ReviewCommentPayload) =>
  receiveWith(
    "pull_request_review_comment",
    "pull_request_review_comment.created",
    payload,
    (context, enqueue) => handleReviewCommentCommand(context as never, enqueue, 1),
  );

function reply(body: string): ReviewCommentPayload {
  const payload = examplePayload<ReviewCommentPayload>("pull_request_review_comment", "created");
  payload.installation ??= { id: 1 };
  payload.comment.body = body;
  payload.sender.type = "User";
  return payload;
}

describe("handleReviewCommentCommand", () => {
  it("records `/triage ignore` in a review comment for the job, which finds the finding it replies to", async () => {
    const payload = reply("/triage ignore");
    expect(await deliver(payload)).toEqual([
      {
        delivery: { id: "delivery-1", event: "pull_request_review_comment.created" },
        requests: [
          {
            installationId: payload.installation?.id,
            owner: "Codertocat",
            repo: "Hello-World",
            pullNumber: payload.pull_request.number,
            headSha: null,
            headSeenAt: null,
            trigger: "review_comment_command",
            requestedBy: { login: payload.sender.login, commentId: payload.comment.id },
          },
        ],
      },
    ]);
  });

  it("ignores review comments that are not commands, and bots", async () => {
    expect(await deliver(reply("Why not a map here?"))).toEqual([]);
    const bot = reply("/triage ignore");
    bot.sender.type = "Bot";
    expect(await deliver(bot)).toEqual([]);
  });
});
