import { describe, expect, it } from "vitest";
import { WritePacer } from "../../src/github/write-pacer.ts";

/** A pacer on a fake clock: sleeping advances time and is recorded, so nothing really waits. */
function fakePacer(limits: { perMinute: number; perHour: number }) {
  let now = 0;
  const sleeps: number[] = [];
  const pacer = new WritePacer(
    limits,
    () => now,
    async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  );
  return {
    pacer,
    sleeps,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe("WritePacer", () => {
  it("lets a minute's quota through at once, then waits for the oldest write to age out", async () => {
    const { pacer, sleeps, advance, now } = fakePacer({ perMinute: 3, perHour: 100 });
    await pacer.acquire(1);
    advance(10_000);
    await pacer.acquire(1);
    await pacer.acquire(1);
    expect(sleeps).toEqual([]);
    await pacer.acquire(1);
    expect(sleeps).toEqual([50_000]);
    expect(now()).toBe(60_000);
  });

  it("keeps to the hourly quota too", async () => {
    const { pacer, sleeps } = fakePacer({ perMinute: 2, perHour: 4 });
    for (let i = 0; i < 5; i++) await pacer.acquire(1);
    // Writes at 0, 0, 60 s, 60 s; the fifth waits until the first leaves the hour.
    expect(sleeps).toEqual([60_000, 3_540_000]);
  });

  it("paces each installation on its own", async () => {
    const { pacer, sleeps } = fakePacer({ perMinute: 1, perHour: 10 });
    await pacer.acquire(1);
    await pacer.acquire(2);
    await pacer.acquire(3);
    expect(sleeps).toEqual([]);
  });

  it("holds an installation's writes while GitHub has asked it to back off", async () => {
    const { pacer, sleeps } = fakePacer({ perMinute: 80, perHour: 500 });
    pacer.pause(1, 5_000);
    await pacer.acquire(2);
    await pacer.acquire(1);
    expect(sleeps).toEqual([5_000]);
  });

  it("rejects limits that could never let a write through", () => {
    expect(() => new WritePacer({ perMinute: 0, perHour: 10 })).toThrow(/at least 1 write per minute/);
  });
});
