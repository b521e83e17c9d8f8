import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPolicies } from "../../src/github/load-policies.ts";
import { nockPolicyDir, nockRepoFile, nockTree } from "../helpers/nock-config.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const REPO = { owner: "acme", repo: "api" };
const DIR = ".github/pr-triage/policies";

describe("loadPolicies", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("lists the policy folder and reads each policy at the base ref; an oversized one is reported, not fetched", async () => {
    const scopes = [
      nockPolicyDir("acme/api", DIR, "main", [
        { name: "api.md", size: 80 },
        { name: "huge.md", size: 100_000 },
        { name: "README.txt", size: 10 },
        { name: "drafts", size: 0, type: "dir" },
      ]),
      nockRepoFile(
        "acme/api",
        `${DIR}/api.md`,
        "main",
        "---\npaths: ['src/api/**']\nseverity: high\n---\n# Validate input\nUse zod.\n",
      ),
    ];
    const headVersion = nockRepoFile("acme/api", `${DIR}/api.md`, "feature", "# Anything goes\n");

    const { policies, problems } = await loadPolicies(testOctokit(), REPO, "main", [`${DIR}/*.md`]);

    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(headVersion.isDone()).toBe(false);
    expect(policies).toEqual([
      {
        path: `${DIR}/api.md`,
        title: "Validate input",
        paths: ["src/api/**"],
        severity: "high",
        body: "# Validate input\nUse zod.",
      },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: `${DIR}/huge.md`,
        problem: "Too large: 100,000 bytes, over the 32,768-byte limit for a policy file.",
      }),
    ]);
  });

  it("finds nothing, silently, when the default folder does not exist", async () => {
    const scope = nockPolicyDir("acme/api", DIR, "main", null);
    expect(await loadPolicies(testOctokit(), REPO, "main", [`${DIR}/*.md`])).toEqual({
      policies: [],
      problems: [],
    });
    expect(scope.isDone()).toBe(true);
  });

  it("reports a policy file GitHub refuses to serve, and keeps the others", async () => {
    nockPolicyDir("acme/api", DIR, "main", [
      { name: "a.md", size: 10 },
      { name: "b.md", size: 10 },
    ]);
    nockRepoFile("acme/api", `${DIR}/a.md`, "main", "Rule A.");
    nock("https://api.github.com")
      .get(`/repos/acme/api/contents/${encodeURIComponent(`${DIR}/b.md`)}`)
      .query({ ref: "main" })
      .reply(403, { message: "Resource not accessible by integration" });

    const { policies, problems } = await loadPolicies(testOctokit(), REPO, "main", [`${DIR}/*.md`]);

    expect(policies.map((p) => p.title)).toEqual(["a"]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: `${DIR}/b.md`,
        keyPath: "(file)",
        problem: expect.stringMatching(
          /^Could not read the file: HTTP 403 \(Resource not accessible by integration/,
        ),
      }),
    ]);
  });

  it("uses one recursive tree call for a glob that spans folders", async () => {
    const scopes = [
      nockTree("acme/api", "main", [
        { path: "docs/policies/api/input.md", size: 20 },
        { path: "docs/policies/README.txt", size: 20 },
        { path: "src/index.ts", size: 20 },
      ]),
      nockRepoFile("acme/api", "docs/policies/api/input.md", "main", "Validate input."),
    ];
    const { policies, problems } = await loadPolicies(testOctokit(), REPO, "main", ["docs/policies/**/*.md"]);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(problems).toEqual([]);
    expect(policies.map((p) => p.path)).toEqual(["docs/policies/api/input.md"]);
  });
});
