import { describe, expect, it } from "vitest";
import { writeWaitMs } from "../../src/github/write-wait-ms.ts";
import { decideAcceptance, decideRedelivery, type PrJobView } from "../../src/queue/decide-acceptance.ts";
import { request } from "./job-store.contract.ts";

function job(overrides: Partial<PrJobView>): PrJobView {
  return {
    id: 1,
    headSha: "aaa",
    headSeenAt: "2024-01-01T10:00:00Z",
    state: "queued",
    superseded: false,
    mergedInto: null,
    outcome: null,
    checkRunId: null,
    ...overrides,
  };
}

describe("decideAcceptance (the rules both stores carry out)", () => {
  it("names the newest of several newer heads when a straggler arrives", () => {
    const plan = decideAcceptance(request(), [
      job({ id: 1, headSha: "bbb", headSeenAt: "2024-01-01T10:05:00Z", state: "done", outcome: "triaged" }),
      job({ id: 2, headSha: "ccc", headSeenAt: "2024-01-01T10:09:00Z" }),
    ]);
    expect(plan).toMatchObject({
      status: "stale",
      insert: { state: "superseded", note: expect.stringContaining("job 2") },
    });
  });

  it("ends queued older work that never opened a check, and flags the rest", () => {
    const plan = decideAcceptance(request({ headSha: "new", headSeenAt: "2024-01-01T11:00:00Z" }), [
      job({ id: 1 }),
      job({ id: 2, checkRunId: 9 }),
      job({ id: 3, state: "running" }),
      job({ id: 4, state: "done", outcome: "triaged" }),
      job({ id: 5, superseded: true, state: "running" }),
    ]);
    expect(plan).toMatchObject({ status: "queued", end: [1], flag: [2, 3] });
  });

  it("does not merge into merged or superseded rows, only into the head's live work", () => {
    const plan = decideAcceptance(request(), [
      job({ id: 1, state: "done", outcome: "skipped-stale" }),
      job({ id: 2, state: "done", mergedInto: 1, outcome: "merged" }),
    ]);
    expect(plan.status).toBe("queued");
  });

  it("retries a redelivery only when every job it started failed", () => {
    expect(decideRedelivery([])).toBe("duplicate");
    expect(decideRedelivery(["failed", "done"])).toBe("duplicate");
    expect(decideRedelivery(["failed", "failed"])).toBe("retry");
  });
});

describe("writeWaitMs (the pacing rule both pacers ask)", () => {
  const limits = { perMinute: 2, perHour: 3 };
  it("waits out a pause, then the minute, then the hour", () => {
    expect(writeWaitMs([], 5_000, limits, 1_000)).toBe(4_000);
    expect(writeWaitMs([0, 10_000], 0, limits, 20_000)).toBe(40_000);
    expect(writeWaitMs([0, 100_000, 200_000], 0, limits, 300_000)).toBe(3_300_000);
    expect(writeWaitMs([0], 0, limits, 1)).toBe(0);
  });
});
