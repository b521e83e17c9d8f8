import { describe, expect, it } from "vitest";
import { LlmLimiter } from "../../src/llm/llm-limiter.ts";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("LlmLimiter", () => {
  it("caps one installation's concurrency so another installation still gets a slot", async () => {
    const limiter = new LlmLimiter(3, 2);
    const gate = deferred();
    const running: string[] = [];
    const task = (name: string) => async () => {
      running.push(name);
      await gate.promise;
    };
    const busy = [1, 2, 3, 4].map((i) => limiter.run(1, task(`busy-${i}`)));
    const other = limiter.run(2, task("other"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Installation 1 holds only its 2 slots; installation 2 runs at once in the third.
    expect(running.sort()).toEqual(["busy-1", "busy-2", "other"]);
    gate.resolve();
    await Promise.all([...busy, other]);
    expect(running).toHaveLength(5);
  });

  it("never runs more than the global limit at once", async () => {
    const limiter = new LlmLimiter(2, 2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      [1, 2, 3].flatMap((installation) =>
        [1, 2].map(() =>
          limiter.run(installation, async () => {
            active++;
            peak = Math.max(peak, active);
            await new Promise((resolve) => setTimeout(resolve, 5));
            active--;
          }),
        ),
      ),
    );
    expect(peak).toBe(2);
  });
});
