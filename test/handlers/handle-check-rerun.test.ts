import { describe, expect, it } from "vitest";
import { CHECK_NAME } from "../../src/github/start-check-run.ts";
import { handleCheckRerun } from "../../src/handlers/handle-check-rerun.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";
import { receiveWith } from "./receive-with.ts";

type CheckRunPayload = {
  installation?: { id: number };
  check_run: { name: string; head_sha: string; pull_requests: { number: number }[] };
};

const deliver = (payload: CheckRunPayload) =>
  receiveWith("check_run", "check_run.rerequested", payload, (context, enqueue) =>
    handleCheckRerun(context as never, enqueue),
  );

function rerun(prs: number[]): CheckRunPayload {
  const payload = examplePayload<CheckRunPayload>("check_run", "rerequested");
  payload.installation ??= { id: 1 };
  payload.check_run.name = CHECK_NAME;
  payload.check_run.pull_requests = prs.map((number) => ({ number }) as never);
  return payload;
}

describe("handleCheckRerun", () => {
  it("re-runs the triage of every PR the check belongs to, at the check's head", async () => {
    const payload = rerun([2, 5]);
    const [enqueued, ...more] = await deliver(payload);
    expect(more).toEqual([]);
    expect(enqueued?.delivery).toEqual({ id: "delivery-1", event: "check_run.rerequested" });
    expect(enqueued?.requests.map((r) => [r.pullNumber, r.headSha, r.trigger, r.headSeenAt])).toEqual([
      [2, payload.check_run.head_sha, "check_rerun", null],
      [5, payload.check_run.head_sha, "check_rerun", null],
    ]);
  });

  it("leaves other apps' checks and checks outside a PR alone", async () => {
    const other = rerun([2]);
    other.check_run.name = "CI";
    expect(await deliver(other)).toEqual([]);
    expect(await deliver(rerun([]))).toEqual([]);
  });
});
