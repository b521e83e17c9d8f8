import type { Logger } from "probot";
import type { JobDeps } from "../../src/triage/run-triage-job.ts";
import type { TriageJob } from "../../src/triage/triage-job.ts";
import { FAKE_LLM_URL } from "./fake-llm.ts";
import { testOctokit } from "./test-octokit.ts";

/** The queued job for a PR payload from `@octokit/webhooks-examples`, at its head. */
export function jobFor(pull: { number?: unknown; head: { sha: string } }): TriageJob {
  return {
    deliveryId: "d-1",
    installationId: 1,
    owner: "Codertocat",
    repo: "Hello-World",
    pullNumber: Number(pull.number),
    headSha: pull.head.sha,
    trigger: "pull_request",
  };
}

/** What the queue hands `runTriageJob`: GitHub through nock, the fake LLM, an open check run (77). */
export function jobDeps(): JobDeps {
  const quiet = () => {};
  return {
    octokit: testOctokit(),
    log: { info: quiet, warn: quiet, error: quiet, debug: quiet } as unknown as Logger,
    llm: { apiKey: "sk-test", baseURL: FAKE_LLM_URL, model: "test-model", timeoutMs: 5_000, maxRetries: 0 },
    webHost: "github.com",
    identity: { appId: 1, login: "pr-triage[bot]" },
    checkRun: { id: 77, opened: async () => {} },
  };
}
