import { describe, expect, it } from "vitest";
import { type FaultWorld, useFaultWorld } from "../helpers/fault-harness.ts";
import { waitFor } from "../helpers/server-process.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const HEAD = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

describe("the answer cache in DATA_DIR (real server process)", () => {
  let world: FaultWorld;
  useFaultWorld((started) => {
    world = started;
  }, HEAD);

  it("'Re-run' on the check of an unchanged head is answered from the cache, and the summary says so", async () => {
    await world.startApp();
    await world.send("pull_request", "cache-1", world.github.payload(2, "opened"));
    await waitFor(
      () => world.github.checkRunsFor(HEAD).some((run) => run.status === "completed"),
      `the first completed check; output:\n${world.allOutput()}`,
    );
    await world.drained();
    expect(world.llm.requests).toHaveLength(1);

    const opened = world.github.payload(2, "opened") as { repository: unknown; installation: unknown };
    const rerun = examplePayload<{ check_run: Record<string, unknown> } & Record<string, unknown>>(
      "check_run",
      "rerequested",
    );
    Object.assign(rerun.check_run, { name: "PR Triage", head_sha: HEAD, pull_requests: [{ number: 2 }] });
    Object.assign(rerun, { repository: opened.repository, installation: opened.installation });
    expect((await world.send("check_run", "cache-2", rerun)).status).toBe(200);
    await waitFor(
      () => world.github.checkRunsFor(HEAD).filter((run) => run.status === "completed").length === 2,
      `the re-run's completed check; output:\n${world.allOutput()}`,
    );
    await world.drained();

    expect(world.llm.requests).toHaveLength(1);
    const [summary] = world.github.comments;
    expect(summary?.body).toContain("Output: answers from the cache; all 1 part(s), nothing paid again;");
  });
});
