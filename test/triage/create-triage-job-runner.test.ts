import nock from "nock";
import type { Logger } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobStore, StoredJob } from "../../src/queue/job-store.ts";
import { createTriageJobRunner } from "../../src/triage/create-triage-job-runner.ts";
import { nockGetPull, nockUpdateCheckRun } from "../helpers/nock-github.ts";
import { testOctokit } from "../helpers/test-octokit.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const quiet = () => {};
const log = { info: quiet, warn: quiet, error: quiet, debug: quiet, child: () => log } as unknown as Logger;

function storedJob(overrides: Partial<StoredJob> = {}): StoredJob {
  return {
    id: 1,
    deliveryId: "d-1",
    installationId: 1,
    owner: "Codertocat",
    repo: "Hello-World",
    pullNumber: 2,
    headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    headSeenAt: null,
    trigger: "pull_request",
    requestedBy: null,
    state: "running",
    attempts: 1,
    superseded: false,
    checkRunId: 77,
    lastError: null,
    outcome: null,
    ...overrides,
  };
}

function runner() {
  const acquired: number[] = [];
  const recorded: unknown[] = [];
  const jobRunner = createTriageJobRunner({
    auth: async () => testOctokit(),
    identity: async () => ({ appId: 1, login: "pr-triage[bot]" }),
    store: { recordCheckRun: async (...args: unknown[]) => recorded.push(args) } as unknown as JobStore,
    pacer: { acquire: async (installationId) => void acquired.push(installationId), pause: () => {} },
    llm: null,
    webHost: "github.com",
  });
  return { jobRunner, acquired, recorded };
}

describe("createTriageJobRunner", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("closes the check an earlier attempt opened when this one stops early (the PR was closed)", async () => {
    const pull = examplePayload<{ pull_request: Record<string, unknown> }>(
      "pull_request",
      "opened",
    ).pull_request;
    Object.assign(pull, { state: "closed" });
    const checks: Record<string, unknown>[] = [];
    const scopes = [nockGetPull(pull, 1), nockUpdateCheckRun((body) => checks.push(body))];
    const { jobRunner, acquired } = runner();

    expect(await jobRunner.run(storedJob(), log)).toBe("skipped-closed");
    expect(checks).toEqual([
      expect.objectContaining({
        status: "completed",
        conclusion: "neutral",
        output: expect.objectContaining({ title: "Triage skipped" }),
      }),
    ]);
    // The check update is a write, so it went through the installation's pacer.
    expect(acquired).toEqual([1]);
    expect(scopes.flatMap((scope) => scope.pendingMocks())).toEqual([]);
  });

  it("closes a job's check as superseded or failed, saying why and how to retry", async () => {
    const checks: Record<string, unknown>[] = [];
    const scopes = [
      nockUpdateCheckRun((body) => checks.push(body)),
      nockUpdateCheckRun((body) => checks.push(body)),
    ];
    const { jobRunner } = runner();
    await jobRunner.close(storedJob(), { kind: "superseded" }, log);
    await jobRunner.close(storedJob({ attempts: 3 }), { kind: "failed", reason: "GitHub answered 502" }, log);
    // No check opened yet: nothing to close, and no request.
    await jobRunner.close(storedJob({ checkRunId: null }), { kind: "failed", reason: "x" }, log);

    expect(checks.map((body) => [body.conclusion, (body.output as { title: string }).title])).toEqual([
      ["neutral", "Superseded by a newer push"],
      ["failure", "Triage failed: needs human review"],
    ]);
    expect(checks[1]).toHaveProperty(
      "output.summary",
      expect.stringContaining("could not finish after 3 attempts: GitHub answered 502"),
    );
    expect(scopes.flatMap((scope) => scope.pendingMocks())).toEqual([]);
  });
});
