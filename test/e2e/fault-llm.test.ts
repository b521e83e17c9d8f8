import { describe, expect, it } from "vitest";
import { type FaultWorld, llmFinding, useFaultWorld } from "../helpers/fault-harness.ts";
import { waitFor } from "../helpers/server-process.ts";

const HEAD = "dddddddddddddddddddddddddddddddddddddddd";

describe("LLM faults degrade to analyzers-only 'needs human', never to silence (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  }, HEAD);

  async function triageWithLlm(answer: Parameters<FaultWorld["answerLlm"]>[0]) {
    world.answerLlm(answer);
    await world.startApp({ OPENAI_TIMEOUT_MS: "500" });
    await world.send("pull_request", "llm-1", world.github.payload(2, "opened"));
    await waitFor(
      () => world.github.checkRunsFor(HEAD).some((run) => run.status === "completed"),
      `the completed check; output:\n${world.allOutput()}`,
    );
    await world.drained();
    const [check] = world.github.checkRunsFor(HEAD);
    const [summary] = world.github.comments;
    return { check, summary: summary?.body ?? "" };
  }

  it("an LLM answering 500 gives a published 'needs human' result, not a failed job", async () => {
    const { check, summary } = await triageWithLlm(() => ({
      status: 500,
      body: { error: { message: "boom" } },
    }));
    expect(summary).toContain("AI review unavailable: needs human review.");
    expect(summary).toMatch(
      /the LLM endpoint answered 500 at 127\.0\.0\.1:\d+: `boom`\. The server failed; its logs say why/,
    );
    expect(check).toMatchObject({
      status: "completed",
      output: { title: expect.stringContaining("needs human review") },
    });
    expect(check?.conclusion).not.toBe("failure");
  });

  it("an LLM that times out gives the same, within the configured timeout", async () => {
    const { check, summary } = await triageWithLlm(() => ({ ...llmFinding(), delayMs: 10_000 }));
    expect(summary).toContain("AI review unavailable: needs human review.");
    expect(summary).toMatch(
      /the LLM request timed out: nothing answered at 127\.0\.0\.1:\d+ within 500 ms \(OPENAI_TIMEOUT_MS\)/,
    );
    expect(check).toMatchObject({
      status: "completed",
      output: { title: expect.stringContaining("needs human review") },
    });
  });
});
