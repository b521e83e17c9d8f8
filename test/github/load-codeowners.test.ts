import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ownersForPaths } from "../../src/codeowners/owners-for-paths.ts";
import { loadCodeowners } from "../../src/github/load-codeowners.ts";
import { loadPolicies } from "../../src/github/load-policies.ts";
import { nockNoPoliciesNorCodeowners, nockRepoFile } from "../helpers/nock-config.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const REPO = { owner: "acme", repo: "api" };

describe("loadCodeowners", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("uses the first CODEOWNERS GitHub would, from the base branch, and never looks further", async () => {
    const scopes = [
      nockRepoFile("acme/api", ".github/CODEOWNERS", "main", null),
      nockRepoFile("acme/api", "CODEOWNERS", "main", "*  @acme/backend\n/src/auth/ @acme/identity\n"),
    ];
    const docs = nockRepoFile("acme/api", "docs/CODEOWNERS", "main", "* @someone-else\n");

    const codeowners = await loadCodeowners(testOctokit(), REPO, "main");

    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(docs.isDone()).toBe(false);
    expect(codeowners?.file).toBe("CODEOWNERS");
    expect(ownersForPaths(codeowners, ["src/auth/login.ts", "README.md"])).toEqual([
      { path: "src/auth/login.ts", owners: ["@acme/identity"], line: 2 },
      { path: "README.md", owners: ["@acme/backend"], line: 1 },
    ]);
  });

  it("returns null when the repository has neither CODEOWNERS nor policies", async () => {
    const scopes = nockNoPoliciesNorCodeowners("acme/api", "main");
    const octokit = testOctokit();
    expect(await loadCodeowners(octokit, REPO, "main")).toBeNull();
    expect(await loadPolicies(octokit, REPO, "main", [".github/pr-triage/policies/*.md"])).toEqual({
      policies: [],
      problems: [],
    });
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
  });

  it("reports a CODEOWNERS file it cannot read instead of failing the triage", async () => {
    nock("https://api.github.com")
      .get(`/repos/acme/api/contents/${encodeURIComponent(".github/CODEOWNERS")}`)
      .query({ ref: "main" })
      .reply(500, { message: "Server Error" });
    const codeowners = await loadCodeowners(testOctokit(), REPO, "main");
    expect(codeowners?.rules).toEqual([]);
    expect(codeowners?.problems[0]).toMatchObject({ file: ".github/CODEOWNERS", keyPath: "(file)" });
  });
});
