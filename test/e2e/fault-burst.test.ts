import { describe, expect, it } from "vitest";
import {
  type FaultWorld,
  llmFinding,
  percentile,
  sendBurst,
  useFaultWorld,
} from "../helpers/fault-harness.ts";

describe("a burst of 200 deliveries (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  });

  it("acks every delivery fast, stays within bounded memory, and triages each PR once at its live head", async () => {
    // The 20 PRs carry the same diff: without this, the answer cache would (rightly) pay for it once.
    await world.startApp({ LLM_CACHE_MAX_ENTRIES: "0" });
    // The LLM answers nothing until every delivery is acked: an ack that waited for its triage
    // would never come, and the burst below would hang until the test's timeout.
    let acked: () => void = () => undefined;
    const allAcked = new Promise<void>((resolve) => {
      acked = resolve;
    });
    world.answerLlm(() => ({ ...llmFinding(), until: allAcked }));
    // 200/s over 20 PRs in 4 installations, half of them for an older head: duplicates,
    // superseded work and out-of-order stragglers, all while the worker processes jobs.
    const burst = await sendBurst(world, {
      deliveries: 200,
      prs: 20,
      installations: 4,
      pace: { everyMs: 5 },
    });
    acked();
    expect(burst.statuses.filter((status) => status !== 200)).toEqual([]);
    // `npm run bench` measures the real figure (p99 under 50 ms); the test holds every ack to
    // GitHub's own limit (a delivery not answered within 10 s is failed), which a loaded CI
    // machine still meets, where a tighter bound only measured the machine.
    expect(percentile(burst.ackMs, 100)).toBeLessThan(10_000);

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
