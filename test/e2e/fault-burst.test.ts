import { describe, expect, it } from "vitest";
import { type FaultWorld, percentile, sendBurst, useFaultWorld } from "../helpers/fault-harness.ts";

describe("a burst of 200 deliveries (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  });

  it("acks every delivery fast, stays within bounded memory, and triages each PR once at its live head", async () => {
    // The 20 PRs carry the same diff: without this, the answer cache would (rightly) pay for it once.
    await world.startApp({ LLM_CACHE_MAX_ENTRIES: "0" });
    // 200/s over 20 PRs in 4 installations, half of them for an older head: duplicates,
    // superseded work and out-of-order stragglers, all while the worker processes jobs.
    const burst = await sendBurst(world, {
      deliveries: 200,
      prs: 20,
      installations: 4,
      pace: { everyMs: 5 },
    });
    expect(burst.statuses.filter((status) => status !== 200)).toEqual([]);
    // `npm run bench` measures the real figure (p99 under 50 ms); this bound only has to hold
    // on a loaded CI machine, and still fails if acks ever wait for the triage.
    expect(percentile(burst.ackMs, 99)).toBeLessThan(1_000);

    await world.drained(40_000);
    expect(await world.healthz()).toMatchObject({ queue: { depth: 0, failed: 0 } });
    for (const [pull, head] of burst.liveHeads) {
      expect(world.github.reviewsOn(pull).map((review) => review.commitId)).toEqual([head]);
    }
    // One triage per PR: the older heads never got as far as opening a check run.
    expect(world.github.checkRuns.map((run) => run.headSha).sort()).toEqual(
      [...burst.liveHeads.values()].sort(),
    );
    expect(world.github.checkRuns.every((run) => run.status === "completed")).toBe(true);
    expect(world.llm.requests).toHaveLength(20);
    // The queue lives in SQLite, not in memory: a burst costs little more than the idle server.
    expect(world.peakRssMb() ?? 0).toBeLessThan(512);
  });
});
